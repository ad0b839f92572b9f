import type { DomainEventServices } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { deliveriesOfEvents, listDomainEvents } from './domain-events.repo';

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The outbox as the platform admin reads it: what happened (type, subject, time)
 * and where each subscriber stands with it. Read-only; the procedure's access
 * rule lets platform admins only. The data itself is not shown (it holds
 * participants' personal fields).
 */
export function createDomainEventsService(runtime: Runtime): DomainEventServices {
  return {
    domainEvents: {
      async list(_caller, input) {
        const rows = await listDomainEvents(runtime.db, input);
        const ids = rows.map((r) => Number(r.id));
        const deliveries = await deliveriesOfEvents(runtime.db, ids);
        return {
          total: Number(rows[0]?.total ?? 0),
          events: rows.map((r) => ({
            id: String(r.id),
            type: r.type,
            eventId: r.event_id,
            subjectKind: r.subject_kind,
            subjectId: r.subject_id,
            occurredAt: iso(r.occurred_at),
            subscribers: deliveries
              .filter((d) => d.domainEventId === Number(r.id))
              .map((d) => ({
                name: d.subscriber,
                status: d.status,
                attempts: d.attempts,
                lastError: d.lastError,
                processedAt: d.processedAt ? iso(d.processedAt) : null,
              })),
          })),
        };
      },
    },
  };
}
