import { DomainError, eventTransitionRules, type EventDto, type PublicEventDto, type Services } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { insertMember } from '../team/team.repo';
import * as repo from './events.repo';
import { descriptionHtml as renderDescription } from './description';

function toDto(r: repo.EventRow): EventDto {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    description: r.description,
    venueName: r.venueName,
    venueAddress: r.venueAddress,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    timeZone: r.timeZone,
    country: r.country,
    status: r.status,
    requireTwoFactor: r.requireTwoFactor,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toPublicDto(r: repo.EventRow): PublicEventDto {
  const { requireTwoFactor: _r, publishedAt: _p, createdAt: _c, updatedAt: _u, ...pub } = toDto(r);
  const descriptionHtml = Object.fromEntries(
    Object.entries(pub.description).flatMap(([lang, md]) => (md ? [[lang, renderDescription(md)]] : [])),
  );
  return { ...pub, descriptionHtml };
}

/** The fields an audit diff shows for an event. */
function auditView(r: repo.EventRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

export function createEventsService(runtime: Runtime): Services['events'] {
  return {
    async listMine(caller, input) {
      const rows = await repo.listEvents(runtime.db, {
        memberUserId: caller.actor.isPlatformAdmin ? null : caller.actor.userId,
        status: input.status,
        includeArchived: input.includeArchived,
      });
      return rows.map(toDto);
    },

    async get(caller) {
      const row = await repo.findEvent(runtime.db, caller.eventId);
      if (!row) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
      return toDto(row);
    },

    async create(caller, input) {
      return inTransaction(runtime, async ({ tx }) => {
        const row = await repo.insertEvent(tx, {
          ...input,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
        });
        await insertMember(tx, { eventId: row.id, userId: caller.actor.userId, role: 'owner' });
        await recordAudit(tx, caller, { eventId: row.id, action: 'event.create', objectType: 'event', objectId: row.id, after: auditView(row) });
        return toDto(row);
      });
    },

    async update(caller, input) {
      const { eventId, ...fields } = input;
      if (fields.requireTwoFactor !== undefined && caller.role !== 'owner' && !caller.actor.isPlatformAdmin) {
        throw new DomainError('FORBIDDEN', { key: 'onlyOwnerTwoFactorRule' }, {
          requireTwoFactor: ['Only the owner can change this'],
        });
      }
      return inTransaction(runtime, async ({ tx }) => {
        const before = await repo.findEventForUpdate(tx, eventId);
        if (!before) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
        const startsAt = fields.startsAt ? new Date(fields.startsAt) : before.startsAt;
        const endsAt = fields.endsAt ? new Date(fields.endsAt) : before.endsAt;
        if (endsAt < startsAt) {
          throw new DomainError('INVALID_INPUT', { key: 'endBeforeStart' }, { endsAt: ['The end must not be before the start'] });
        }
        const after = await repo.updateEvent(tx, eventId, { ...fields, startsAt, endsAt });
        await recordAudit(tx, caller, {
          eventId,
          action: 'event.update',
          objectType: 'event',
          objectId: eventId,
          before: auditView(before),
          after: auditView(after),
        });
        return toDto(after);
      });
    },

    async transition(caller, input) {
      const rule = eventTransitionRules[input.to];
      return inTransaction(runtime, async ({ tx }) => {
        const before = await repo.findEventForUpdate(tx, input.eventId);
        if (!before) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
        if (!rule.from.includes(before.status)) {
          throw new DomainError('INVALID_STATE', {
            key: 'eventStatusChangeRefused',
            params: { status: before.status, to: input.to },
          });
        }
        const after = await repo.updateEvent(tx, input.eventId, {
          status: rule.to,
          ...(rule.to === 'published' && !before.publishedAt ? { publishedAt: runtime.now() } : {}),
        });
        await recordAudit(tx, caller, {
          eventId: input.eventId,
          action: `event.${input.to}`,
          objectType: 'event',
          objectId: input.eventId,
          before: { status: before.status },
          after: { status: after.status },
        });
        return toDto(after);
      });
    },

    async listPublished() {
      return (await repo.listPublishedEvents(runtime.db)).map(toPublicDto);
    },

    async getPublishedBySlug(_caller, input) {
      const row = await repo.findPublishedEventBySlug(runtime.db, input.slug);
      if (!row) throw new DomainError('NOT_FOUND', { key: 'publishedEventNotFound' });
      return toPublicDto(row);
    },
  };
}
