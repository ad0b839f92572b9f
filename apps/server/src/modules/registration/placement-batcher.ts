import { DomainError, type RegistrationRequest } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { placeRegistrations, type Placed, type PlacementItem, type PlacementOrigin } from './placement';

/** Registrations placed together in one transaction at most (config.placementBatchSize). */
const DEFAULT_BATCH_SIZE = 64;

interface Waiting {
  item: PlacementItem;
  resolve(placed: Placed): void;
  reject(err: unknown): void;
}

/**
 * Group commit for registrations, per event. The first registration to arrive
 * is placed at once in a transaction of its own; those that arrive while it
 * runs wait and are then placed together in the next transaction, and so on.
 * Each transaction pays the locks, the counts and the writes once for its
 * whole batch (see placeRegistrations), so under load the round trips a
 * registration costs fall with the size of the batch, while a lone
 * registration waits for nobody.
 *
 * Capacity does not rest on this: batches of different server processes run
 * side by side and are kept apart by the limits' locks, exactly as single
 * registrations are. An answer is given only after its batch has committed.
 * If a batch's transaction fails as a whole (another process registered the
 * same address a moment earlier, an upload was already used), each of its
 * registrations is placed again alone, so only the one at fault fails.
 */
class PlacementBatcher {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(private readonly runtime: Runtime) {}

  place(eventId: string, item: PlacementItem): Promise<Placed> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(eventId);
      const idle = queue === undefined;
      if (!queue) this.queues.set(eventId, (queue = []));
      queue.push({ item, resolve, reject });
      if (idle) void this.drain(eventId, queue);
    });
  }

  private async drain(eventId: string, queue: Waiting[]): Promise<void> {
    const size = Math.max(1, this.runtime.config.placementBatchSize ?? DEFAULT_BATCH_SIZE);
    try {
      while (queue.length) await this.run(eventId, queue.splice(0, size));
    } finally {
      this.queues.delete(eventId);
    }
  }

  private async run(eventId: string, batch: Waiting[]): Promise<void> {
    let results: Array<Placed | DomainError>;
    try {
      results = await inTransaction(this.runtime, (uow) =>
        placeRegistrations(
          this.runtime,
          uow,
          eventId,
          batch.map((w) => w.item),
        ),
      );
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      this.runtime.logger.warn(
        { err, size: batch.length },
        'a batch of registrations failed: placing each alone',
      );
      for (const waiting of batch) await this.run(eventId, [waiting]);
      return;
    }
    batch.forEach((waiting, i) => {
      const result = results[i];
      if (result instanceof DomainError) waiting.reject(result);
      else if (result) waiting.resolve(result);
      else waiting.reject(new Error('placement returned nothing'));
    });
  }
}

const batchers = new WeakMap<Runtime, PlacementBatcher>();

/**
 * Places one registration (portal, staff or a partner's), batched with those
 * arriving at the same moment for the same event; resolves once it is
 * committed, or rejects with this registration's own error.
 */
export function placeRegistration(
  runtime: Runtime,
  eventId: string,
  request: RegistrationRequest,
  origin: PlacementOrigin,
): Promise<Placed> {
  let batcher = batchers.get(runtime);
  if (!batcher) batchers.set(runtime, (batcher = new PlacementBatcher(runtime)));
  return batcher.place(eventId, { request, origin });
}
