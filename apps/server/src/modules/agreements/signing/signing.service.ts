import { randomBytes } from 'node:crypto';
import { DomainError, type EnvelopeDto, type Services } from '@plenary/contracts';
import type { EventCaller, PersonCaller, RequestInfo } from '@plenary/contracts';
import { inTransaction, type Runtime, type UnitOfWork } from '../../../core/runtime';
import { recordAudit } from '../../audit/audit.service';
import { recordDomainEvent } from '../../domain-events/record';
import { sendTemplatedMails } from '../../mail/mail.service';
import { findOrCreatePersons } from '../../people/people.service';
import * as agreementsRepo from '../agreements.repo';
import { lockAgreement, readAgreement } from '../agreements.service';
import { verifyDocument } from './sealing';
import { checkSignaturePng } from './signature-image';
import * as repo from './signing.repo';

const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/**
 * The document code printed on the sealed PDF: 60 random bits in Crockford base32
 * (no I, L, O, U to misread), so a code cannot be guessed to browse the registry.
 */
export function newDocumentCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => codeAlphabet[b % 32]).join('');
  return `PLN-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** How a signing request mail names the part asked of the recipient. */
const roleLabels = {
  signer: { ko: '서명자', en: 'signer' },
  approver: { ko: '승인자', en: 'approver' },
  witness: { ko: '입회인', en: 'witness' },
  cc: { ko: '참조', en: 'copy recipient' },
} as const;

const requestNotFound = () => new DomainError('NOT_FOUND', { key: 'signingRequestNotFound' });

/** Whose turn it is: the lowest step with a pending signer, approver or witness (a CC never holds the line). */
function activeStep(recipients: readonly repo.RecipientView[]): number | null {
  const waiting = recipients.filter((r) => r.role !== 'cc' && r.status === 'pending').map((r) => r.step);
  return waiting.length ? Math.min(...waiting) : null;
}

function isTurn(envelope: repo.EnvelopeRow, recipients: readonly repo.RecipientView[], r: repo.RecipientView) {
  if (r.role === 'cc' || r.status !== 'pending') return false;
  return envelope.signingOrder === 'parallel' || r.step === activeStep(recipients);
}

function toRecipientDto(r: repo.RecipientView) {
  return {
    id: r.id,
    role: r.role,
    name: r.printedName,
    email: r.email,
    organisation: r.organisation,
    title: r.title,
    onBehalfOf: r.onBehalfOf,
    step: r.step,
    status: r.status,
    signedAt: r.signedAt?.toISOString() ?? null,
  };
}

/** What a domain event says of the instrument (as agreements.service does). */
function eventAgreement(a: agreementsRepo.AgreementRow, e: repo.EnvelopeRow, versionNumber: number) {
  return { id: a.id, eventId: a.eventId, kind: a.kind, title: a.title, versionNumber, versionSha256: e.versionSha256 };
}

export function createSigningServices(runtime: Runtime): Pick<Services, 'agreementSigning' | 'portalSigning'> {
  const trail = (
    uow: UnitOfWork,
    e: repo.EnvelopeRow,
    request: RequestInfo,
    entry: { action: string; actorName: string; recipientId?: string; detail?: string },
  ) =>
    repo.insertTrail(uow.tx, {
      envelopeId: e.id,
      recipientId: entry.recipientId ?? null,
      action: entry.action,
      actorName: entry.actorName,
      ip: request.ip,
      userAgent: request.userAgent,
      sha256: e.versionSha256,
      detail: entry.detail ?? null,
      at: runtime.now(),
    });

  /** Mails each recipient whose turn has come and who was not mailed before (mailed: ids already asked). */
  async function mailTurn(
    uow: UnitOfWork,
    agreement: agreementsRepo.AgreementRow,
    e: repo.EnvelopeRow,
    recipients: readonly repo.RecipientView[],
    mailed: ReadonlySet<string>,
  ) {
    const due = recipients.filter((r) => isTurn(e, recipients, r) && !mailed.has(r.id));
    await sendTemplatedMails(
      runtime,
      uow,
      due.map((r) => ({
        kind: 'agreementSigningRequest' as const,
        to: r.email,
        locale: r.locale,
        eventId: agreement.eventId,
        values: {
          title: agreement.title,
          organisation: r.organisation,
          role: roleLabels[r.role],
          sha256: e.versionSha256,
          link: `${runtime.config.publicUrl}/sign/${e.id}`,
        },
      })),
    );
  }

  async function envelopeDto(db: UnitOfWork['tx'] | Runtime['db'], e: repo.EnvelopeRow): Promise<EnvelopeDto> {
    const version = await repo.versionById(db, e.versionId);
    return {
      id: e.id,
      agreementId: e.agreementId,
      versionNumber: version!.number,
      versionSha256: e.versionSha256,
      order: e.signingOrder,
      status: e.status,
      sentAt: e.sentAt.toISOString(),
      completedAt: e.completedAt?.toISOString() ?? null,
      declinedReason: e.declinedReason,
      recipients: (await repo.recipientsOf(db, e.id)).map(toRecipientDto),
      trail: (await repo.trailOf(db, e.id)).map((t) => ({
        action: t.action,
        actorName: t.actorName,
        ip: t.ip,
        userAgent: t.userAgent,
        sha256: t.sha256,
        detail: t.detail,
        at: t.at.toISOString(),
      })),
    };
  }

  const audit = (uow: UnitOfWork, caller: EventCaller, action: string, id: string, after: Record<string, unknown>) =>
    recordAudit(uow.tx, caller, { eventId: caller.eventId, action, objectType: 'agreement', objectId: id, after });

  /**
   * The signatory's envelope, with the agreement locked first (the order every
   * signing path takes: agreement, then envelope), so two signatories of one
   * agreement act one after the other and exactly one of them completes it.
   */
  async function lockForPerson(uow: UnitOfWork, caller: PersonCaller, envelopeId: string) {
    const peek = await repo.findEnvelope(uow.tx, envelopeId);
    if (!peek) throw requestNotFound();
    const agreement = await repo.lockAgreementById(uow.tx, peek.agreementId);
    const envelope = await repo.findEnvelope(uow.tx, envelopeId, true);
    if (!agreement || !envelope) throw requestNotFound();
    const recipients = await repo.recipientsOf(uow.tx, envelope.id);
    // A link of one signatory opens nothing for another: a person who is not a recipient learns nothing.
    const mine = recipients.filter((r) => r.personId === caller.person.personId);
    if (!mine.length) throw requestNotFound();
    if (envelope.status !== 'out' || agreement.status !== 'out_for_signature')
      throw new DomainError('INVALID_STATE', { key: 'signingClosed', params: { status: envelope.status } });
    const acting = mine.filter((r) => r.role !== 'cc');
    if (!acting.length) throw new DomainError('INVALID_STATE', { key: 'signingCcCannotSign' });
    const pending = acting.find((r) => r.status === 'pending');
    if (!pending) throw new DomainError('CONFLICT', { key: 'signingAlreadyDone', params: { status: acting[0]!.status } });
    if (!isTurn(envelope, recipients, pending)) throw new DomainError('INVALID_STATE', { key: 'signingNotYourTurn' });
    const version = await repo.versionById(uow.tx, envelope.versionId);
    return { agreement, envelope, recipients, me: pending, version: version! };
  }

  const recipientFacts = (r: repo.RecipientView) => ({ id: r.id, role: r.role, organisationId: r.organisationId });

  return {
    agreementSigning: {
      async send(caller, input) {
        return inTransaction(runtime, async (uow) => {
          const agreement = await lockAgreement(uow, caller, input.agreementId);
          if (await repo.openEnvelopeOf(uow.tx, agreement.id))
            throw new DomainError('CONFLICT', { key: 'signingAlreadyOut' });
          if (agreement.kind !== 'mou' || agreement.status !== 'approved')
            throw new DomainError('INVALID_STATE', { key: 'signingNotSendable' });
          const latest = await agreementsRepo.latestVersion(uow.tx, agreement.id);
          if (!latest || latest.number !== input.versionNumber || latest.sha256 !== input.versionSha256)
            throw new DomainError('CONFLICT', { key: 'signingVersionChanged', params: { latest: latest?.number ?? 0 } });
          const parties = new Set((await agreementsRepo.partiesOf(uow.tx, [agreement.id])).map((p) => p.organisationId));
          if (input.recipients.some((r) => !parties.has(r.organisationId)))
            throw new DomainError('INVALID_INPUT', { key: 'signingRecipientNotParty' }, { recipients: ['Not a party'] });
          const signing = new Set(input.recipients.filter((r) => r.role === 'signer').map((r) => r.organisationId));
          if (parties.size < 2 || [...parties].some((p) => !signing.has(p)))
            throw new DomainError('INVALID_INPUT', { key: 'signingNeedsSigners' }, { recipients: ['A signer per party'] });

          const people = await findOrCreatePersons(
            uow.tx,
            input.recipients.map((r) => ({
              email: r.email,
              givenName: r.givenName,
              familyName: r.familyName,
              localName: null,
              country: null,
              phone: null,
              jobTitle: null,
            })),
            { vouched: false, locale: 'en', now: runtime.now() },
          );
          const seen = new Set<string>();
          for (const [i, r] of input.recipients.entries()) {
            const key = `${people[i]!.personId}|${r.organisationId}|${r.role}`;
            if (seen.has(key))
              throw new DomainError('INVALID_INPUT', { key: 'agreementDuplicateParty' }, { recipients: ['Named twice'] });
            seen.add(key);
          }
          const envelope = await repo.insertEnvelope(uow.tx, {
            agreementId: agreement.id,
            versionId: latest.id,
            versionSha256: latest.sha256,
            signingOrder: input.order,
            documentCode: newDocumentCode(),
            sentByUserId: caller.actor.userId,
            sentAt: runtime.now(),
          });
          await repo.insertRecipients(
            uow.tx,
            input.recipients.map((r, i) => ({
              envelopeId: envelope.id,
              personId: people[i]!.personId,
              organisationId: r.organisationId,
              role: r.role,
              printedName: `${r.givenName} ${r.familyName}`,
              title: r.title,
              onBehalfOf: r.onBehalfOf,
              step: input.order === 'parallel' ? 1 : r.step,
            })),
          );
          const after = await agreementsRepo.updateAgreement(uow.tx, agreement.id, { status: 'out_for_signature' });
          await trail(uow, envelope, caller.request, { action: 'sent', actorName: caller.actor.displayName });
          await audit(uow, caller, 'agreement.send_for_signature', agreement.id, {
            status: after.status,
            envelopeId: envelope.id,
            version: latest.number,
            sha256: latest.sha256,
          });
          await mailTurn(uow, after, envelope, await repo.recipientsOf(uow.tx, envelope.id), new Set());
          return envelopeDto(uow.tx, envelope);
        });
      },

      async envelope(caller, input) {
        const agreement = await readAgreement(runtime, caller, input.agreementId);
        const e = await repo.latestEnvelopeOf(runtime.db, agreement.id);
        return e ? envelopeDto(runtime.db, e) : null;
      },

      async cancel(caller, input) {
        return inTransaction(runtime, async (uow) => {
          const agreement = await lockAgreement(uow, caller, input.agreementId);
          const open = await repo.openEnvelopeOf(uow.tx, agreement.id);
          if (!open) throw new DomainError('NOT_FOUND', { key: 'signingNoEnvelope' });
          const e = await repo.updateEnvelope(uow.tx, open.id, { status: 'cancelled', declinedReason: input.reason });
          // Back to approved: the same text can be sent again (to corrected signatories) or reopened.
          await agreementsRepo.updateAgreement(uow.tx, agreement.id, { status: 'approved' });
          await trail(uow, e, caller.request, { action: 'cancelled', actorName: caller.actor.displayName, detail: input.reason });
          await audit(uow, caller, 'agreement.cancel_signing', agreement.id, { envelopeId: e.id, reason: input.reason });
          return envelopeDto(uow.tx, e);
        });
      },
    },

    portalSigning: {
      async request(caller, input) {
        const envelope = await repo.findEnvelope(runtime.db, input.envelopeId);
        if (!envelope) throw requestNotFound();
        const recipients = await repo.recipientsOf(runtime.db, envelope.id);
        const mine = recipients.filter((r) => r.personId === caller.person.personId);
        const me = mine.find((r) => r.role !== 'cc' && r.status === 'pending') ?? mine[0];
        if (!me) throw requestNotFound();
        const version = (await repo.versionById(runtime.db, envelope.versionId))!;
        const agreement = (await repo.agreementById(runtime.db, envelope.agreementId))!;
        return {
          envelopeId: envelope.id,
          status: envelope.status,
          title: agreement.title,
          versionNumber: version.number,
          sha256: envelope.versionSha256,
          clauses: version.clauses,
          me: {
            role: me.role,
            organisation: me.organisation,
            title: me.title,
            onBehalfOf: me.onBehalfOf,
            status: me.status,
            myTurn: envelope.status === 'out' && isTurn(envelope, recipients, me),
          },
          // Co-signatories see names and progress, not each other's addresses.
          recipients: recipients.map((r) => {
            const { email: _email, ...shown } = toRecipientDto(r);
            return shown;
          }),
        };
      },

      async sign(caller, input) {
        // Checked before any lock: a bad image costs no one a wait.
        const png = input.signature.kind === 'drawn' ? checkSignaturePng(input.signature.dataUrl) : null;
        return inTransaction(runtime, async (uow) => {
          const { agreement, envelope, recipients, me, version } = await lockForPerson(uow, caller, input.envelopeId);
          if (input.sha256 !== envelope.versionSha256 || version.sha256 !== envelope.versionSha256)
            throw new DomainError('CONFLICT', { key: 'signingHashMismatch' });
          const now = runtime.now();
          const inserted = await repo.insertSignature(uow.tx, {
            recipientId: me.id,
            kind: input.signature.kind,
            typedName: input.signature.kind === 'typed' ? input.signature.name : null,
            pngBase64: png,
            sha256: envelope.versionSha256,
            signedAt: now,
          });
          if (!inserted) throw new DomainError('CONFLICT', { key: 'signingAlreadyDone', params: { status: 'signed' } });
          await repo.setRecipientStatus(uow.tx, me.id, 'signed');
          await trail(uow, envelope, caller.request, {
            action: me.role === 'signer' ? 'signed' : me.role === 'approver' ? 'approved' : 'witnessed',
            actorName: me.printedName,
            recipientId: me.id,
            detail: input.signature.kind,
          });
          const facts = eventAgreement(agreement, envelope, version.number);
          await recordDomainEvent(runtime, uow, {
            type: 'agreement.signature_recorded',
            eventId: agreement.eventId,
            subject: { kind: 'agreement', id: agreement.id },
            data: { agreement: facts, envelopeId: envelope.id, recipient: recipientFacts(me) },
          });
          const mailedBefore = new Set(recipients.filter((r) => isTurn(envelope, recipients, r)).map((r) => r.id));
          const after = recipients.map((r) => (r.id === me.id ? { ...r, status: 'signed' as const } : r));
          if (activeStep(after) !== null) {
            await mailTurn(uow, agreement, envelope, after, mailedBefore);
            return { status: 'signed' as const, envelopeStatus: 'out' as const };
          }
          // The last signature: the envelope completes and the agreement is signed, once.
          const done = await repo.updateEnvelope(uow.tx, envelope.id, { status: 'completed', completedAt: now });
          const signed = await agreementsRepo.updateAgreement(uow.tx, agreement.id, {
            status: 'signed',
            signedVersionId: version.id,
            signedOn: now.toISOString().slice(0, 10),
          });
          await trail(uow, done, caller.request, { action: 'completed', actorName: me.printedName });
          await recordAudit(
            uow.tx,
            { actor: null, request: caller.request, agent: { kind: 'person', personId: caller.person.personId } },
            {
              eventId: agreement.eventId,
              action: 'agreement.record_signature',
              objectType: 'agreement',
              objectId: agreement.id,
              before: { status: agreement.status },
              after: { status: signed.status, envelopeId: envelope.id, version: version.number, sha256: version.sha256 },
            },
          );
          await recordDomainEvent(runtime, uow, {
            type: 'agreement.signed',
            eventId: agreement.eventId,
            subject: { kind: 'agreement', id: agreement.id },
            data: { agreement: facts },
          });
          return { status: 'signed' as const, envelopeStatus: 'completed' as const };
        });
      },

      async decline(caller, input) {
        return inTransaction(runtime, async (uow) => {
          const { agreement, envelope, me, version } = await lockForPerson(uow, caller, input.envelopeId);
          await repo.setRecipientStatus(uow.tx, me.id, 'declined');
          const e = await repo.updateEnvelope(uow.tx, envelope.id, { status: 'declined', declinedReason: input.reason });
          // A decline stops the envelope and reopens the text: the parties talk again.
          await agreementsRepo.updateAgreement(uow.tx, agreement.id, { status: 'negotiation' });
          await trail(uow, e, caller.request, {
            action: 'declined',
            actorName: me.printedName,
            recipientId: me.id,
            detail: input.reason,
          });
          await recordAudit(
            uow.tx,
            { actor: null, request: caller.request, agent: { kind: 'person', personId: caller.person.personId } },
            {
              eventId: agreement.eventId,
              action: 'agreement.signing_declined',
              objectType: 'agreement',
              objectId: agreement.id,
              before: { status: agreement.status },
              after: { status: 'negotiation', envelopeId: envelope.id, reason: input.reason },
            },
          );
          await recordDomainEvent(runtime, uow, {
            type: 'agreement.signing_declined',
            eventId: agreement.eventId,
            subject: { kind: 'agreement', id: agreement.id },
            data: {
              agreement: eventAgreement(agreement, envelope, version.number),
              envelopeId: envelope.id,
              recipient: recipientFacts(me),
              reason: input.reason,
            },
          });
          return { status: 'declined' as const, envelopeStatus: 'declined' as const };
        });
      },

      async verify(_caller, input) {
        return verifyDocument(runtime, input);
      },
    },
  };
}
