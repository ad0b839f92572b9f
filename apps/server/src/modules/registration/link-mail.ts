import { and, eq, notInArray, schema } from '@plenary/db';
import {
  DomainError,
  domainMessage,
  type RegistrationReceiptDto,
  type RegistrationRequest,
} from '@plenary/contracts';
import type { JobHandlerOptions } from '../../core/jobs';
import { inTransaction, type Runtime } from '../../core/runtime';
import { decidePlacements, readAvailability } from './capacity';
import { addRegistrationLink } from './links';
import { mailParticipant, registrationLink } from './mails';
import { categoryRequiresApproval } from './registration.repo';

const { events, registrations, invitationCodes, persons } = schema;

/**
 * Issue 10, finding 4: whether an address is registered must not show in an
 * answer, nor in how long it takes. Public calls that may mail an existing
 * participant (resendLink, and registering again with the same address) only
 * hand the address to this queue and answer at once; the lookup and the mail
 * happen here, after the answer, in the same time for everyone.
 */
export const LINK_MAIL_QUEUE = 'registration.link-mail';
const RETRY: JobHandlerOptions = { retryLimit: 3, retryDelaySeconds: 30 };

export interface LinkMailJob {
  eventId: string;
  email: string;
}

export function queueLinkMail(runtime: Runtime, job: LinkMailJob): Promise<void> {
  return runtime.jobs.send<LinkMailJob>(LINK_MAIL_QUEUE, job);
}

/** Mails a live registration of this address its personal link again; nothing if there is none. */
export async function mailLinkAgain(runtime: Runtime, { eventId, email }: LinkMailJob): Promise<void> {
  await inTransaction(runtime, async (uow) => {
    const [row] = await uow.tx
      .select({
        id: registrations.id,
        eventId: registrations.eventId,
        reference: registrations.reference,
        locale: registrations.locale,
        email: persons.email,
        givenName: persons.givenName,
        familyName: persons.familyName,
      })
      .from(registrations)
      .innerJoin(persons, eq(persons.id, registrations.personId))
      .where(
        and(
          eq(registrations.eventId, eventId),
          eq(persons.email, email.trim().toLowerCase()),
          notInArray(registrations.status, ['cancelled', 'rejected']),
        ),
      );
    if (!row) return;
    // A new link beside the old one (only hashes are kept, so the old cannot be sent
    // again): a stranger asking for a resend must not end the participant's link.
    const token = await addRegistrationLink(uow.tx, row.id);
    const [event] = await uow.tx.select({ title: events.title }).from(events).where(eq(events.id, row.eventId));
    await mailParticipant(
      runtime,
      uow,
      'link',
      { email: row.email, locale: row.locale, eventId: row.eventId },
      {
        eventTitle: event?.title ?? {},
        name: `${row.givenName} ${row.familyName}`,
        reference: row.reference,
        link: registrationLink(runtime, token),
      },
    );
  });
}

/** The worker: every server process that works jobs runs it. */
export async function startLinkMails(runtime: Runtime): Promise<void> {
  await runtime.jobs.register<LinkMailJob>(LINK_MAIL_QUEUE, RETRY, (job) => mailLinkAgain(runtime, job));
}

/** The refusal of an address that already has a live registration for the event (check or unique index). */
export function isAlreadyRegistered(err: unknown): boolean {
  return err instanceof DomainError && err.code === 'CONFLICT' && 'participant.email' in err.fieldErrors;
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function randomCode(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * The receipt a new registration with this request would get now, for one
 * whose address is already registered: same shape, same status and waiting
 * places (decided by the same rule on the same counts, without taking them),
 * a reference of the same form that opens nothing. Only what the public form
 * already shows goes into it.
 */
export async function lookalikeReceipt(
  runtime: Runtime,
  eventId: string,
  request: RegistrationRequest,
): Promise<RegistrationReceiptDto> {
  const now = runtime.now();
  const snap = await readAvailability(runtime.db, eventId, now);
  let codeId: string | null = null;
  if (request.invitationCode) {
    const [code] = await runtime.db
      .select({ id: invitationCodes.id })
      .from(invitationCodes)
      .where(and(eq(invitationCodes.eventId, eventId), eq(invitationCodes.code, request.invitationCode)));
    codeId = code?.id ?? null;
  }
  const confirmAtOnce = !(await categoryRequiresApproval(runtime.db, request.categoryId));
  const [decision] = decidePlacements(
    snap,
    [{ categoryId: request.categoryId, codeId, optionIds: request.optionIds, confirmAtOnce }],
    now,
  );
  if (!decision) throw new Error('no decision for one candidate');
  // As placement refuses it (a full invitation code, say): the same error, field and words.
  if (!decision.ok)
    throw new DomainError('INVALID_INPUT', decision.message, {
      [decision.field]: [domainMessage(decision.message.key, decision.message.params)],
    });
  return {
    id: crypto.randomUUID(),
    reference: `${randomCode(4)}-${randomCode(4)}`,
    status: decision.status,
    waitlistPosition: decision.wait?.position ?? null,
    options: decision.choices.map((c) => ({
      optionId: c.optionId,
      status: c.status,
      waitlistPosition: c.wait?.position ?? null,
    })),
  };
}
