import {
  DomainError,
  pickLocale,
  roles,
  type DeskServices,
  type VisaRequestDetailDto,
  type VisaRequestRowDto,
} from '@plenary/contracts';
import { inTransaction, notFound, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { sendTemplatedMail } from '../mail/mail.service';
import { findDeskRegistration, findEventForDocuments } from './desk.repo';
import { eventNameInSentence } from './event-name';
import {
  findVisaRequest,
  findVisaRequestOfRegistration,
  insertVisaRequest,
  listVisaRequests,
  purgePassportData,
  replaceVisaRequest,
  setVisaDecision,
  type VisaRow,
} from './visa.repo';

function toRow(v: VisaRow): VisaRequestRowDto {
  return {
    id: v.id,
    registrationId: v.registrationId,
    reference: v.reference,
    givenName: v.givenName,
    familyName: v.familyName,
    passportName: v.passportName,
    nationality: v.nationality,
    embassy: v.embassy,
    status: v.status,
    createdAt: v.createdAt.toISOString(),
    decidedAt: v.decidedAt?.toISOString() ?? null,
    purged: v.purgedAt !== null,
  };
}

function toDetail(v: VisaRow): VisaRequestDetailDto {
  return {
    ...toRow(v),
    passportNumber: v.passportNumber,
    dateOfBirth: v.dateOfBirth,
    email: v.email,
    organisation: v.organisation,
    registrationStatus: v.registrationStatus,
    decisionReason: v.decisionReason,
    decidedBy: v.decidedBy,
    purgedAt: v.purgedAt?.toISOString() ?? null,
  };
}

function toMine(v: VisaRow) {
  return {
    id: v.id,
    status: v.status,
    passportName: v.passportName,
    nationality: v.nationality,
    embassy: v.embassy,
    decisionReason: v.decisionReason,
    createdAt: v.createdAt.toISOString(),
    decidedAt: v.decidedAt?.toISOString() ?? null,
  };
}

/** Nobody applies for a visa before birth or at 121; a typo in the year is the usual cause. */
function checkDateOfBirth(iso: string, now: Date): void {
  const today = now.toISOString().slice(0, 10);
  const oldest = `${String(now.getUTCFullYear() - 120).padStart(4, '0')}${today.slice(4)}`;
  if (iso >= today || iso < oldest) {
    throw new DomainError('INVALID_INPUT', { key: 'dateOfBirthImplausible' }, {
      dateOfBirth: ['Enter the date of birth as in the passport'],
    });
  }
}

/** Audit fields of a request: never the passport number or date of birth. */
const auditView = (v: {
  status: string;
  nationality: string | null;
  embassy: string | null;
  decisionReason?: string | null;
}) => ({
  status: v.status,
  nationality: v.nationality,
  embassy: v.embassy,
  decisionReason: v.decisionReason ?? null,
});

export function createVisaService(runtime: Runtime): DeskServices['visa'] {
  async function requireRequest(eventId: string, id: string): Promise<VisaRow> {
    const row = await findVisaRequest(runtime.db, eventId, id);
    if (!row) throw notFound('The visa letter request');
    return row;
  }

  return {
    async request(caller, input) {
      checkDateOfBirth(input.dateOfBirth, runtime.now());
      const event = await findEventForDocuments(runtime.db, caller.eventId);
      if (!event) throw notFound('The event');
      if (!event.visaLettersEnabled)
        throw new DomainError('INVALID_STATE', { key: 'visaLettersNotIssued' });
      const reg = await findDeskRegistration(runtime.db, caller.eventId, caller.registrationId);
      if (!reg) throw notFound('The registration');
      if (reg.status === 'cancelled' || reg.status === 'rejected') {
        throw new DomainError('INVALID_STATE', {
          key: 'visaNotForEndedRegistration',
          params: { status: reg.status },
        });
      }
      const id = await inTransaction(runtime, async ({ tx }) => {
        const now = runtime.now();
        const existing = await findVisaRequestOfRegistration(tx, reg.id);
        const data = { ...input, createdAt: now };
        if (existing && existing.status !== 'rejected') {
          throw new DomainError('CONFLICT', { key: 'visaAlreadyRequested' });
        }
        let requestId: string;
        if (existing) {
          await replaceVisaRequest(tx, existing.id, data);
          requestId = existing.id;
        } else {
          requestId = await insertVisaRequest(tx, {
            ...data,
            eventId: caller.eventId,
            registrationId: reg.id,
          });
        }
        await recordAudit(
          tx,
          caller,
          {
            eventId: caller.eventId,
            action: existing ? 'visa.rerequest' : 'visa.request',
            objectType: 'visa_letter_request',
            objectId: requestId,
            before: existing ? auditView(existing) : null,
            after: auditView({ status: 'requested', nationality: input.nationality, embassy: input.embassy }),
          },
        );
        return requestId;
      });
      return toMine(await requireRequest(caller.eventId, id));
    },

    async mine(caller) {
      const row = await findVisaRequestOfRegistration(runtime.db, caller.registrationId);
      return row ? toMine(row) : null;
    },

    async list(caller, input) {
      const rows = (await listVisaRequests(runtime.db, caller.eventId, input.status)).map(toRow);
      // Passport data (name as in the passport, nationality, embassy) is for the visa permission only.
      const mayReadPassports =
        caller.actor.isPlatformAdmin || roles.passports.some((r) => r === caller.role);
      return mayReadPassports
        ? rows
        : rows.map((r) => ({ ...r, passportName: null, nationality: null, embassy: null }));
    },

    async get(caller, input) {
      return toDetail(await requireRequest(caller.eventId, input.requestId));
    },

    async decide(caller, input) {
      const before = await requireRequest(caller.eventId, input.requestId);
      if (before.purgedAt)
        throw new DomainError('INVALID_STATE', { key: 'visaPassportErased' });
      const status = input.decision === 'approve' ? 'approved' : 'rejected';
      const event = await findEventForDocuments(runtime.db, caller.eventId);
      if (!event) throw notFound('The event');
      await inTransaction(runtime, async (uow) => {
        await setVisaDecision(uow.tx, before.id, {
          status,
          reason: input.reason,
          by: caller.actor.userId,
          at: runtime.now(),
        });
        await recordAudit(uow.tx, caller, {
          eventId: caller.eventId,
          action: `visa.${input.decision}`,
          objectType: 'visa_letter_request',
          objectId: before.id,
          before: auditView(before),
          after: auditView({ ...before, status, decisionReason: input.reason }),
        });
        await sendTemplatedMail(runtime, uow, {
          kind: status === 'approved' ? 'visa.approved' : 'visa.rejected',
          to: before.email,
          locale: before.locale,
          values: {
            name: `${before.givenName} ${before.familyName}`,
            eventName: { ko: pickLocale(event.title, 'ko'), en: eventNameInSentence(pickLocale(event.title, 'en')) },
            reason: input.reason,
          },
          eventId: caller.eventId,
        });
      });
      return toDetail(await requireRequest(caller.eventId, before.id));
    },
  };
}

/**
 * Erases passport numbers, dates of birth and passport names once an event has
 * been over for its visa_purge_days: nobody needs them after the visas are issued.
 */
export async function purgeExpiredPassportData(runtime: Runtime): Promise<number> {
  return inTransaction(runtime, async ({ tx }) => {
    const purged = await purgePassportData(tx, runtime.now());
    for (const p of purged) {
      await recordAudit(tx, 'system', {
        eventId: p.eventId,
        action: 'visa.purge_passport_data',
        objectType: 'visa_letter_request',
        objectId: p.id,
        before: { passportData: 'kept' },
        after: { passportData: 'erased' },
      });
    }
    return purged.length;
  });
}
