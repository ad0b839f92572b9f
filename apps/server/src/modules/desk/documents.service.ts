import { canPrintBadge, DomainError, type DeskServices, type FileDto, type Locale } from '@plenary/contracts';
import { notFound, type Runtime } from '../../core/runtime';
import {
  findDeskRegistration,
  findDeskRegistrations,
  findEventForDocuments,
  type DeskRegistration,
  type EventForDocuments,
} from './desk.repo';
import { findVisaRequest, findVisaRequestOfRegistration, type VisaRow } from './visa.repo';
import { renderBadges } from './pdf/badge';
import { renderReceipt } from './pdf/receipt';
import { renderTicket } from './pdf/ticket';
import { renderVisaLetter } from './pdf/visa-letter';

function pdf(filename: string, bytes: Uint8Array): FileDto {
  return { filename, contentType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
}

const localeOf = (reg: DeskRegistration): Locale => (reg.locale === 'ko' ? 'ko' : 'en');
const fileSafe = (value: string) =>
  value.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'document';

async function requireEvent(runtime: Runtime, eventId: string): Promise<EventForDocuments> {
  const event = await findEventForDocuments(runtime.db, eventId);
  if (!event) throw notFound('The event');
  return event;
}

async function requireRegistration(runtime: Runtime, eventId: string, id: string): Promise<DeskRegistration> {
  const reg = await findDeskRegistration(runtime.db, eventId, id);
  if (!reg) throw notFound('The registration');
  return reg;
}

/** A receipt exists only for a fee that was paid or waived. */
async function receiptFor(runtime: Runtime, reg: DeskRegistration, locale: Locale): Promise<FileDto> {
  const { feeAmount, feeCurrency, paymentStatus } = reg;
  if (feeAmount === null || feeCurrency === null)
    throw new DomainError('INVALID_STATE', { key: 'receiptNoFee' });
  if (paymentStatus !== 'paid' && paymentStatus !== 'waived') {
    throw new DomainError('INVALID_STATE', { key: 'receiptNeedsPayment' });
  }
  const event = await requireEvent(runtime, reg.eventId);
  const bytes = await renderReceipt(
    event,
    { ...reg, feeAmount, feeCurrency, paymentStatus },
    locale,
    runtime.now(),
  );
  return pdf(`receipt-${fileSafe(reg.reference)}.pdf`, bytes);
}

/** A letter only for an approved request whose passport data is still there. */
async function letterFor(runtime: Runtime, request: VisaRow): Promise<FileDto> {
  if (request.status !== 'approved')
    throw new DomainError('INVALID_STATE', { key: 'visaRequestNotApproved' });
  const { passportName, passportNumber, nationality, dateOfBirth, embassy } = request;
  if (!passportName || !passportNumber || !nationality || !dateOfBirth || !embassy) {
    throw new DomainError('INVALID_STATE', { key: 'visaPassportErased' });
  }
  const event = await requireEvent(runtime, request.eventId);
  const bytes = await renderVisaLetter(
    event,
    {
      reference: request.reference,
      passportName,
      passportNumber,
      nationality,
      dateOfBirth,
      embassy,
      organisation: request.organisation,
    },
    runtime.now(),
  );
  return pdf(`visa-letter-${fileSafe(request.reference)}.pdf`, bytes);
}

export function createDocumentsService(runtime: Runtime): DeskServices['documents'] {
  return {
    async myTicket(caller) {
      const reg = await requireRegistration(runtime, caller.eventId, caller.registrationId);
      if (reg.status !== 'confirmed')
        throw new DomainError('INVALID_STATE', { key: 'ticketNeedsConfirmation' });
      const bytes = await renderTicket(
        await requireEvent(runtime, reg.eventId),
        reg,
        localeOf(reg),
        runtime.now(),
      );
      return pdf(`ticket-${fileSafe(reg.reference)}.pdf`, bytes);
    },
    async myReceipt(caller) {
      const reg = await requireRegistration(runtime, caller.eventId, caller.registrationId);
      return receiptFor(runtime, reg, localeOf(reg));
    },
    async myVisaLetter(caller) {
      const request = await findVisaRequestOfRegistration(runtime.db, caller.registrationId);
      if (!request) throw notFound('The visa letter request');
      return letterFor(runtime, request);
    },
    async badges(caller, input) {
      const ids = [...new Set(input.registrationIds)];
      const rows = await findDeskRegistrations(runtime.db, caller.eventId, ids);
      // One id of another event (or made up) fails the whole batch: a silent gap would be printed short.
      if (rows.length !== ids.length) throw notFound('A registration');
      const byId = new Map(rows.map((r) => [r.id, r]));
      const ordered = ids.map((id) => byId.get(id)).filter((r): r is DeskRegistration => r !== undefined);
      // The whole batch is refused: a sheet printed without someone would be handed out short.
      const refused = ordered.filter((r) => !canPrintBadge(r.status));
      if (refused.length > 0) {
        const list = refused
          .slice(0, 10)
          .map((r) => `${r.reference} is ${r.status}`)
          .join(', ');
        throw new DomainError(
          'INVALID_STATE',
          { key: 'badgesConfirmedOnly', params: { list: `${list}${refused.length > 10 ? ', …' : ''}` } },
        );
      }
      const bytes = await renderBadges(
        await requireEvent(runtime, caller.eventId),
        ordered,
        input.layout,
        runtime.now(),
      );
      const name =
        ordered.length === 1 && ordered[0]
          ? `badge-${fileSafe(ordered[0].reference)}`
          : `badges-${ordered.length}`;
      return pdf(`${name}.pdf`, bytes);
    },
    async receipt(caller, input) {
      const reg = await requireRegistration(runtime, caller.eventId, input.registrationId);
      return receiptFor(runtime, reg, localeOf(reg));
    },
    async visaLetter(caller, input) {
      const request = await findVisaRequest(runtime.db, caller.eventId, input.requestId);
      if (!request) throw notFound('The visa letter request');
      return letterFor(runtime, request);
    },
  };
}
