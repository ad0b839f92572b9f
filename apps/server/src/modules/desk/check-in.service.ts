import {
  DomainError,
  type CheckInPersonDto,
  type CheckInResultDto,
  type CheckInWarning,
  type DeskServices,
  type EventCaller,
} from '@plenary/contracts';
import { inTransaction, notFound, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { recordDomainEvent } from '../domain-events/record';
import { recordPayment, registrationOfEvent } from '../registration/registrations.service';
import { registrationEvent } from '../registration/webhook-data';
import {
  clearCheckedIn,
  countCheckIns,
  findByTicketCode,
  findDeskRegistration,
  markCheckedIn,
  searchDeskRegistrations,
  type DeskRegistration,
} from './desk.repo';

const SEARCH_LIMIT = 20;

export function toPerson(reg: DeskRegistration): CheckInPersonDto {
  return {
    registrationId: reg.id,
    reference: reg.reference,
    status: reg.status,
    givenName: reg.givenName,
    familyName: reg.familyName,
    localName: reg.localName,
    email: reg.email,
    organisation: reg.organisation,
    country: reg.country,
    category: { id: reg.categoryId, label: reg.categoryLabel, colour: reg.categoryColour },
    paymentStatus: reg.paymentStatus,
    checkedInAt: reg.checkedInAt?.toISOString() ?? null,
  };
}

/** What the desk must notice about a registration, most serious first. */
export function warningsFor(reg: DeskRegistration): CheckInWarning[] {
  const out: CheckInWarning[] = [];
  if (reg.status === 'pending') out.push('not_approved');
  if (reg.status === 'cancelled') out.push('cancelled');
  if (reg.status === 'rejected') out.push('rejected');
  // An open offer is still a place on the waiting list until it is accepted.
  if (reg.status === 'waitlisted' || reg.status === 'offered') out.push('waitlisted');
  if (reg.checkedInAt) out.push('already_checked_in');
  if (reg.paymentStatus === 'unpaid') out.push('unpaid');
  return out;
}

/**
 * Checks a confirmed registration in. Already checked in is not an error (two desks,
 * a double tap): nothing changes and the warning says since when.
 */
async function checkInRegistration(
  runtime: Runtime,
  caller: EventCaller,
  reg: DeskRegistration,
): Promise<CheckInResultDto> {
  if (reg.status !== 'confirmed') {
    throw new DomainError(
      'INVALID_STATE',
      { key: 'checkInNeedsConfirmed', params: { status: reg.status } },
    );
  }
  return inTransaction(runtime, async (uow) => {
    const now = runtime.now();
    // The status is checked again by the update itself: a cancellation that committed
    // after the desk read the registration wins, and nobody cancelled is checked in.
    const done = await markCheckedIn(uow.tx, reg.id, now, caller.actor.userId);
    const current = done ? reg : await findDeskRegistration(uow.tx, caller.eventId, reg.id);
    if (!current) throw notFound('The registration');
    if (!done && current.status !== 'confirmed')
      throw new DomainError(
        'INVALID_STATE',
        { key: 'checkInNeedsConfirmed', params: { status: current.status } },
      );
    if (!done) return { person: toPerson(current), warnings: warningsFor(current), checkedInNow: false };
    const after = { ...reg, checkedInAt: now };
    await recordAudit(uow.tx, caller, {
      eventId: caller.eventId,
      action: 'registration.check_in',
      objectType: 'registration',
      objectId: reg.id,
      before: { checkedInAt: null },
      after: { checkedInAt: now },
    });
    await recordDomainEvent(runtime, uow, registrationEvent('registration.checked_in', reg));
    // "Already checked in" describes the state before this call; it is not news now.
    return { person: toPerson(after), warnings: warningsFor(reg), checkedInNow: true };
  });
}

async function requireRegistration(
  runtime: Runtime,
  caller: EventCaller,
  id: string,
): Promise<DeskRegistration> {
  // Another event's registration is reported as missing, so ids cannot be probed across events.
  const reg = await findDeskRegistration(runtime.db, caller.eventId, id);
  if (!reg) throw notFound('The registration');
  return reg;
}

export function createCheckInService(runtime: Runtime): DeskServices['checkIn'] {
  return {
    async scan(caller, input) {
      const reg = await findByTicketCode(runtime.db, caller.eventId, input.ticketCode);
      if (!reg) return { person: null, warnings: ['unknown_ticket'], checkedInNow: false };
      const warnings = warningsFor(reg);
      if (input.checkIn && warnings.length === 0) return checkInRegistration(runtime, caller, reg);
      return { person: toPerson(reg), warnings, checkedInNow: false };
    },
    async search(caller, input) {
      const rows = await searchDeskRegistrations(runtime.db, caller.eventId, input.query, SEARCH_LIMIT);
      return rows.map(toPerson);
    },
    async checkIn(caller, input) {
      return checkInRegistration(
        runtime,
        caller,
        await requireRegistration(runtime, caller, input.registrationId),
      );
    },
    async undo(caller, input) {
      const reg = await requireRegistration(runtime, caller, input.registrationId);
      if (!reg.checkedInAt) return { person: toPerson(reg), warnings: warningsFor(reg), checkedInNow: false };
      const before = reg.checkedInAt;
      await inTransaction(runtime, async ({ tx }) => {
        await clearCheckedIn(tx, reg.id, runtime.now());
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'registration.undo_check_in',
          objectType: 'registration',
          objectId: reg.id,
          before: { checkedInAt: before },
          after: { checkedInAt: null },
        });
      });
      const after = { ...reg, checkedInAt: null };
      return { person: toPerson(after), warnings: warningsFor(after), checkedInNow: false };
    },
    async takePayment(caller, input) {
      // The desk takes the fee and lets the person in: the payment is recorded as staff's
      // setPayment records it (a late one only while a place is free), audited with the
      // amount and method, then the person is checked in as at the desk's check-in.
      const before = await registrationOfEvent(runtime, caller.eventId, input.registrationId);
      await inTransaction(runtime, (uow) =>
        recordPayment(
          runtime,
          uow,
          caller,
          { ...input, paymentStatus: 'paid', paymentReference: input.reference },
          before,
          { amount: input.amount, method: input.method },
        ),
      );
      const reg = await requireRegistration(runtime, caller, input.registrationId);
      if (!input.checkIn) return { person: toPerson(reg), warnings: warningsFor(reg), checkedInNow: false };
      return checkInRegistration(runtime, caller, reg);
    },
    summary: (caller) => countCheckIns(runtime.db, caller.eventId),
  };
}
