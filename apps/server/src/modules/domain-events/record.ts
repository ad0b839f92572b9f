import { domainEventSchemas, type DomainEventData, type DomainEventType } from '@plenary/contracts';
import type { Runtime, UnitOfWork } from '../../core/runtime';
import { insertDomainEvents, insertPendingDeliveries } from './domain-events.repo';
import type { DomainEventRegistry } from './registry';
import { domainEventRegistry } from './subscribers';

/** The job queue whose jobs hand pending domain events to their subscribers (dispatcher.ts). */
export const DOMAIN_EVENT_QUEUE = 'domain-events.dispatch';

/** What a change records: a type, its conference, what it is about, and the type's data. */
export interface NewDomainEvent<T extends DomainEventType = DomainEventType> {
  type: T;
  eventId: string | null;
  subject: { kind: string; id: string };
  data: DomainEventData<T>;
}

/**
 * Records domain events in the transaction of the change (the outbox): they
 * exist if and only if it commits. Each gets one pending row per subscriber of
 * its type, and after commit the job queue is told there is work. The data is
 * parsed with the type's schema: what the contract does not declare is not kept.
 * Several events at once (a batch of registrations) cost two inserts. The change
 * must hold its subject's lock, which is what orders a subject's events.
 */
export async function recordDomainEvents(
  runtime: Runtime,
  uow: UnitOfWork,
  events: NewDomainEvent[],
  registry: DomainEventRegistry = domainEventRegistry,
): Promise<void> {
  if (!events.length) return;
  const now = runtime.now();
  const ids = await insertDomainEvents(
    uow.tx,
    events.map((e) => ({
      type: e.type,
      eventId: e.eventId,
      subjectKind: e.subject.kind,
      subjectId: e.subject.id,
      data: domainEventSchemas[e.type].parse(e.data),
      occurredAt: now,
    })),
  );
  const pending = events.flatMap((e, i) =>
    registry
      .subscribersOf(e.type)
      .map((s) => ({ domainEventId: ids[i]!, subscriber: s.name, nextAttemptAt: now })),
  );
  await insertPendingDeliveries(uow.tx, pending);
  if (pending.length) uow.afterCommit(() => runtime.jobs.send(DOMAIN_EVENT_QUEUE, {}, { coalesce: true }));
}

/** One event: see recordDomainEvents. */
export function recordDomainEvent<T extends DomainEventType>(
  runtime: Runtime,
  uow: UnitOfWork,
  event: NewDomainEvent<T>,
): Promise<void> {
  return recordDomainEvents(runtime, uow, [event]);
}
