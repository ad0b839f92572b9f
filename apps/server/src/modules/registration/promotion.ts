import { and, asc, eq, inArray, lt, schema, sql } from '@plenary/db';
import { DomainError, type Caller } from '@plenary/contracts';
import { inTransaction, type Runtime, type UnitOfWork } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { recordWebhookEvent } from '../webhooks/webhook-outbox';
import {
  countByCategory,
  countByOption,
  countEventTaken,
  countReserved,
  lockLimits,
  placesHeldBack,
  type LimitKey,
} from './capacity';
import { newToken, sha256 } from '../identity/crypto';
import { mailParticipant, registrationLink } from './mails';
import { webhookData } from './webhook-data';

const {
  events,
  registrationSettings,
  registrationCategories: categories,
  registrationOptions: options,
  registrations,
  registrationChoices,
} = schema;

/**
 * Locks every limited object of the event, in the global order: what a change
 * that frees places and hands them on needs, since the next person may be in
 * any category and have chosen any option.
 */
export async function lockWholeEvent(runtime: Runtime, uow: UnitOfWork, eventId: string): Promise<void> {
  const [cats, opts] = await Promise.all([
    uow.tx.select({ id: categories.id }).from(categories).where(eq(categories.eventId, eventId)),
    uow.tx.select({ id: options.id }).from(options).where(eq(options.eventId, eventId)),
  ]);
  const keys: LimitKey[] = [
    { kind: 'event', id: eventId },
    ...cats.map((c) => ({ kind: 'category' as const, id: c.id })),
    ...opts.map((o) => ({ kind: 'option' as const, id: o.id })),
  ];
  await lockLimits(runtime, uow, keys);
}

/**
 * Hands freed places on: the next people on the waiting list (in rank order,
 * within what their category and the event have free) get an offer by email
 * that holds the place until it expires; freed option seats go to the next
 * live registration waiting for that option. Call with lockWholeEvent held.
 */
export async function fillFreedPlaces(runtime: Runtime, uow: UnitOfWork, eventId: string): Promise<number> {
  const now = runtime.now();
  const [settings] = await uow.tx
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.eventId, eventId));
  const [event] = await uow.tx.select({ title: events.title }).from(events).where(eq(events.id, eventId));
  const cats = await uow.tx
    .select({ id: categories.id, capacity: categories.capacity })
    .from(categories)
    .where(eq(categories.eventId, eventId));
  const counts = await countByCategory(uow.tx, eventId, now);
  const reserved = await countReserved(uow.tx, eventId, now);
  const catFree = new Map(
    cats.map((c) => [c.id, c.capacity === null ? Infinity : c.capacity - (counts.get(c.id)?.taken ?? 0)]),
  );
  let eventFree =
    settings?.capacity == null ? Infinity : settings.capacity - (await countEventTaken(uow.tx, eventId, now));
  let offered = 0;
  const offerHours = settings?.offerHours ?? 48;

  if (eventFree > 0) {
    const waiting = await uow.tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'waitlisted')))
      .orderBy(asc(registrations.waitlistRank), asc(registrations.id))
      .limit(500);
    for (const w of waiting) {
      if (eventFree <= 0) break;
      const free =
        (catFree.get(w.categoryId) ?? 0) - placesHeldBack(reserved, w.categoryId, w.invitationCodeId);
      if (free <= 0) continue;
      const expires = new Date(now.getTime() + offerHours * 3_600_000);
      // Only the link's hash is kept, so the offer mail carries a new link (the newest mail's link works).
      const token = newToken();
      const [row] = await uow.tx
        .update(registrations)
        .set({ status: 'offered', offerExpiresAt: expires, updatedAt: now, manageTokenHash: sha256(token) })
        .where(eq(registrations.id, w.id))
        .returning();
      if (!row) continue;
      catFree.set(w.categoryId, (catFree.get(w.categoryId) ?? 0) - 1);
      eventFree -= 1;
      offered += 1;
      await recordAudit(uow.tx, 'system', {
        eventId,
        action: 'registration.offer',
        objectType: 'registration',
        objectId: w.id,
        before: { status: 'waitlisted' },
        after: { status: 'offered', offerExpiresAt: expires.toISOString() },
      });
      await recordWebhookEvent(runtime, uow, {
        partnerId: row.partnerId,
        type: 'registration.promoted',
        registration: webhookData(row),
      });
      await mailParticipant(
        runtime,
        uow,
        'offer',
        { email: row.email, locale: row.locale, eventId },
        {
          eventTitle: event?.title ?? {},
          name: `${row.givenName} ${row.familyName}`,
          reference: row.reference,
          link: registrationLink(runtime, token),
          offerDeadline: expires.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        },
      );
    }
  }
  await fillFreedSeats(runtime, uow, eventId);
  return offered;
}

/** Freed option seats go to the next registration holding a place and waiting for that option. */
async function fillFreedSeats(runtime: Runtime, uow: UnitOfWork, eventId: string): Promise<void> {
  const now = runtime.now();
  const opts = await uow.tx
    .select({ id: options.id, capacity: options.capacity })
    .from(options)
    .where(eq(options.eventId, eventId));
  const counts = await countByOption(uow.tx, eventId, now);
  for (const o of opts) {
    let free = o.capacity === null ? 10_000 : o.capacity - (counts.get(o.id)?.booked ?? 0);
    if (free <= 0 || (counts.get(o.id)?.waitlisted ?? 0) === 0) continue;
    const waiting = await uow.tx
      .select({ registrationId: registrationChoices.registrationId })
      .from(registrationChoices)
      .innerJoin(registrations, eq(registrations.id, registrationChoices.registrationId))
      .where(
        and(
          eq(registrationChoices.optionId, o.id),
          eq(registrationChoices.status, 'waitlisted'),
          inArray(registrations.status, ['pending', 'confirmed']),
        ),
      )
      .orderBy(asc(registrationChoices.waitlistRank))
      .limit(Math.min(free, 500));
    for (const w of waiting) {
      if (free <= 0) break;
      await uow.tx
        .update(registrationChoices)
        .set({ status: 'booked', waitlistRank: null })
        .where(
          and(
            eq(registrationChoices.registrationId, w.registrationId),
            eq(registrationChoices.optionId, o.id),
          ),
        );
      await recordAudit(uow.tx, 'system', {
        eventId,
        action: 'registration.optionBooked',
        objectType: 'registration',
        objectId: w.registrationId,
        after: { optionId: o.id },
      });
      free -= 1;
    }
  }
}

export interface StatusChange {
  caller: Caller | 'system';
  reason: string | null;
  /** Who to name in the audit log when there is no signed-in actor. */
  actorLabel?: string;
}

/** Cancels a live registration and hands its place and seats on, in one transaction. */
export async function cancelRegistration(
  runtime: Runtime,
  uow: UnitOfWork,
  registrationId: string,
  by: StatusChange,
  to: 'cancelled' | 'rejected' = 'cancelled',
): Promise<void> {
  const [current] = await uow.tx
    .select({ eventId: registrations.eventId })
    .from(registrations)
    .where(eq(registrations.id, registrationId));
  if (!current) throw new DomainError('NOT_FOUND', 'No such registration');
  await lockWholeEvent(runtime, uow, current.eventId);
  const [before] = await uow.tx
    .select()
    .from(registrations)
    .where(eq(registrations.id, registrationId))
    .for('update');
  if (!before) throw new DomainError('NOT_FOUND', 'No such registration');
  if (before.status === 'cancelled' || before.status === 'rejected')
    throw new DomainError('INVALID_STATE', `This registration is already ${before.status}`);
  if (to === 'rejected' && !['pending', 'waitlisted', 'offered'].includes(before.status)) {
    throw new DomainError(
      'INVALID_STATE',
      'Only a registration awaiting approval or a place can be rejected',
    );
  }
  const now = runtime.now();
  const [row] = await uow.tx
    .update(registrations)
    .set({
      status: to,
      cancelledAt: now,
      statusReason: by.reason,
      waitlistRank: null,
      offerExpiresAt: null,
      updatedAt: now,
    })
    .where(eq(registrations.id, registrationId))
    .returning();
  if (!row) throw new Error('registration update returned nothing');
  await recordAudit(uow.tx, by.caller, {
    eventId: row.eventId,
    action: `registration.${to === 'cancelled' ? 'cancel' : 'reject'}`,
    objectType: 'registration',
    objectId: row.id,
    before: { status: before.status },
    after: { status: to, reason: by.reason },
    ...(by.actorLabel ? { actorLabel: by.actorLabel } : {}),
  });
  await recordWebhookEvent(runtime, uow, {
    partnerId: row.partnerId,
    type: 'registration.cancelled',
    registration: webhookData(row),
  });
  const [event] = await uow.tx.select({ title: events.title }).from(events).where(eq(events.id, row.eventId));
  await mailParticipant(
    runtime,
    uow,
    to,
    { email: row.email, locale: row.locale, eventId: row.eventId },
    {
      eventTitle: event?.title ?? {},
      name: `${row.givenName} ${row.familyName}`,
      reference: row.reference,
      link: runtime.config.publicUrl + '/',
      reason: by.reason,
    },
  );
  await fillFreedPlaces(runtime, uow, row.eventId);
}

/**
 * Offers that ran out, and portal registrations whose address was never
 * confirmed, give their place back; the next people get it. Run by a timer.
 */
export async function expireLapsedPlaces(runtime: Runtime, eventIds?: string[]): Promise<number> {
  const now = runtime.now();
  const unverifiedBefore = new Date(now.getTime() - UNVERIFIED_HOURS * 3_600_000);
  const lapsed = await runtime.db
    .select({ id: registrations.id, status: registrations.status })
    .from(registrations)
    .where(
      and(
        eventIds ? inArray(registrations.eventId, eventIds) : undefined,
        sql`((${registrations.status} = 'offered' and ${registrations.offerExpiresAt} <= ${now.toISOString()})
          or (${registrations.status} in ('pending','confirmed','waitlisted') and ${registrations.source} = 'portal'
              and ${registrations.emailVerifiedAt} is null and ${lt(registrations.createdAt, unverifiedBefore)}))`,
      ),
    )
    .limit(200);
  for (const r of lapsed) {
    await inTransaction(runtime, (uow) =>
      cancelRegistration(runtime, uow, r.id, {
        caller: 'system',
        reason: r.status === 'offered' ? 'The offer expired' : 'The email address was not confirmed in time',
      }),
    ).catch((err: unknown) => {
      if (!(err instanceof DomainError)) throw err;
    });
  }
  return lapsed.length;
}

/** A portal registration whose address is not confirmed within this many hours gives its place back. */
export const UNVERIFIED_HOURS = 48;
