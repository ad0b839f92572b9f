import type { DomainEventData, DomainEventType } from '@plenary/contracts';
import type { Runtime, UnitOfWork } from '../../core/runtime';

/** A recorded domain event, as a subscriber receives it. */
export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  /** The outbox's id: increasing per subject, the order a subject's events are handed over in. */
  id: number;
  type: T;
  /** The conference the event belongs to, if any. */
  eventId: string | null;
  subject: { kind: string; id: string };
  data: DomainEventData<T>;
  occurredAt: Date;
}

/**
 * A module that reacts to domain events. `handle` runs in a transaction that also
 * marks the event processed for this subscriber, so database work done through
 * `uow.tx` happens once; anything outside the database (a mail, an HTTP call)
 * goes through `uow.afterCommit` onto the job queue. A throw rolls the work back
 * and the event is offered again later (at least once), after the subject's
 * earlier events and without holding up other subscribers or subjects.
 */
export interface DomainEventSubscriber {
  /** Stored with each event's state for this subscriber: never rename one that has pending events. */
  name: string;
  types: readonly DomainEventType[];
  handle(runtime: Runtime, uow: UnitOfWork, event: DomainEvent): Promise<void>;
}

/** Who listens to which type: the one place subscribers are registered. */
export class DomainEventRegistry {
  private readonly byName = new Map<string, DomainEventSubscriber>();

  constructor(subscribers: DomainEventSubscriber[] = []) {
    for (const s of subscribers) this.subscribe(s);
  }

  /** Adds a subscriber; returns what removes it again (tests). */
  subscribe(subscriber: DomainEventSubscriber): () => void {
    if (this.byName.has(subscriber.name))
      throw new Error(`domain event subscriber ${subscriber.name} is registered twice`);
    this.byName.set(subscriber.name, subscriber);
    return () => {
      if (this.byName.get(subscriber.name) === subscriber) this.byName.delete(subscriber.name);
    };
  }

  subscribersOf(type: DomainEventType): DomainEventSubscriber[] {
    return [...this.byName.values()].filter((s) => s.types.includes(type));
  }

  get(name: string): DomainEventSubscriber | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
