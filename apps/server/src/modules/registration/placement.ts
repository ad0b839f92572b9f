import { randomBytes } from 'node:crypto';
import { eq, schema } from '@plenary/db';
import type { AcceptedConsent } from '@plenary/db/schema';
import {
  checkAnswers,
  DomainError,
  standardFieldNames,
  standardFieldRuleOf,
  type Caller,
  type DelegationRequest,
  type FormQuestion,
  type RegistrationRequest,
  type StandardFieldRules,
} from '@plenary/contracts';
import { RetryTransaction, type Runtime, type UnitOfWork } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { newToken, sha256 } from '../identity/crypto';
import { recordWebhookEvent } from '../webhooks/webhook-outbox';
import { eventLimitBinds, snapshotLimits } from './capacity';
import { readPlacementContext } from './placement-context';
import { waitlistPositions } from './registration.dto';
import { lockLimits, type LimitKey } from './locks';
import { delegationLinkUrl, mailDelegationContact, mailParticipant, registrationLink } from './mails';
import { attachFiles } from './uploads';
import { webhookData } from './webhook-data';

const { events, registrations, registrationChoices, delegations } = schema;

/** Who is registering and how: the portal, staff by hand, or a partner's API key. */
export interface PlacementOrigin {
  source: 'portal' | 'staff' | 'partner';
  partnerId: string | null;
  caller: Caller | 'system';
  /** Staff and partners vouch for the address; portal registrations confirm it by the emailed link. */
  emailVerified: boolean;
  /** Confirm at once even in a category that needs approval (staff only). */
  approve: boolean;
  consents: AcceptedConsent[];
  /** Staff may register before a category opens or after it closes. */
  ignoreOpeningDates: boolean;
  /** Send the participant their mail (staff may choose not to). */
  sendMail?: boolean;
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function randomCode(length: number): string {
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('INVALID_INPUT', message, { [field]: [message] });
}

/** A waiting-list rank that keeps arrival order; staff reordering renumbers. */
function nextRank(runtime: Runtime): number {
  return runtime.now().getTime() * 1000 + Math.floor(Math.random() * 1000);
}

/** Checks the standard fields the organiser made required, and the custom answers. */
function checkForm(
  request: RegistrationRequest,
  rules: StandardFieldRules,
  questions: FormQuestion[],
  prefix = '',
): Record<string, unknown> {
  const errors: Record<string, string[]> = {};
  for (const name of standardFieldNames) {
    const rule = standardFieldRuleOf(rules, name);
    if (rule.shown && rule.required && !request.participant[name])
      (errors[`${prefix}participant.${name}`] ??= []).push('Required');
  }
  const { errors: answerErrors, kept } = checkAnswers(questions, request.answers);
  for (const [k, v] of Object.entries(answerErrors)) errors[prefix + k] = v;
  if (Object.keys(errors).length)
    throw new DomainError(
      'INVALID_INPUT',
      'Some fields are not valid: ' + Object.keys(errors).join(', '),
      errors,
    );
  return kept;
}

interface Placed {
  registrationId: string;
  reference: string;
  manageToken: string;
  status: 'pending' | 'confirmed' | 'waitlisted';
  /** The options asked for, in the order asked, booked or waiting. */
  options: Array<{ optionId: string; status: 'booked' | 'waitlisted' }>;
}

/**
 * Places one registration: checks the category, code, options, form and
 * consents, takes the limits' locks, counts what is taken from the rows and
 * gives a place or a waiting-list entry. Everything (registration, options,
 * audit, webhooks, mail) is written in the caller's transaction: all or nothing.
 */
export async function placeRegistration(
  runtime: Runtime,
  uow: UnitOfWork,
  eventId: string,
  request: RegistrationRequest,
  origin: PlacementOrigin,
  delegationId: string | null = null,
): Promise<Placed> {
  const now = runtime.now();
  const staff = origin.source === 'staff';
  const ctx = await readPlacementContext(uow.tx, {
    eventId,
    categoryId: request.categoryId,
    code: request.invitationCode ?? null,
    optionIds: request.optionIds,
    email: request.participant.email,
  });
  const { event, category, code } = ctx;
  if (!event) throw new DomainError('NOT_FOUND', 'No such event');
  if (event.status !== 'published' && !(staff && (event.status === 'draft' || event.status === 'closed'))) {
    throw new DomainError('INVALID_STATE', 'Registration for this event is not open');
  }
  if (!category) throw invalid('categoryId', 'No such category in this event');
  if (request.invitationCode) {
    if (!code || code.revokedAt) throw invalid('invitationCode', 'This invitation code is not valid');
    if (code.expiresAt && code.expiresAt <= now)
      throw invalid('invitationCode', 'This invitation code has expired');
    if (code.categoryId !== category.id)
      throw invalid('invitationCode', 'This invitation code is for another category');
  }
  if (category.visibility === 'invitation' && !code && !staff)
    throw invalid('categoryId', 'This category is by invitation: enter your invitation code');
  if (!origin.ignoreOpeningDates) {
    if (category.opensAt && now < category.opensAt)
      throw new DomainError('INVALID_STATE', 'Registration in this category is not open yet', {
        categoryId: ['Not open yet'],
      });
    if (category.closesAt && now >= category.closesAt)
      throw new DomainError('INVALID_STATE', 'Registration in this category has closed', {
        categoryId: ['Closed'],
      });
  }
  const chosen = ctx.options;
  if (chosen.length !== request.optionIds.length)
    throw invalid('optionIds', 'An option is not offered at this event');
  const questions = ctx.questions as FormQuestion[];
  const answers = checkForm(request, ctx.standardFields, questions);

  // Duplicates are refused with a clear message; the partial unique index is the backstop.
  if (ctx.duplicate) {
    throw new DomainError('CONFLICT', 'This email address is already registered for this event', {
      'participant.email': ['Already registered: use the link in your email, or ask for it again'],
    });
  }

  // Lock every limited object this registration touches, then count from the rows.
  const eventBinding = eventLimitBinds(ctx.rule);
  const keys: LimitKey[] = [];
  if (eventBinding) keys.push({ kind: 'event', id: eventId });
  keys.push({ kind: 'category', id: category.id });
  if (code) keys.push({ kind: 'code', id: code.id });
  for (const o of chosen) if (o.capacity !== null) keys.push({ kind: 'option', id: o.id });
  await lockLimits(runtime, uow, keys);

  const limits = await snapshotLimits(uow.tx, {
    eventId,
    categoryId: category.id,
    codeId: code?.id ?? null,
    optionIds: chosen.map((o) => o.id),
    now,
  });
  if (code && limits.codeUses >= code.maxUses)
    throw invalid('invitationCode', 'This invitation code has been used up');
  const categoryFull =
    category.capacity !== null && limits.categoryTaken + limits.reservedInCategory >= category.capacity;
  // Every change of a limit locks every category, so under our category lock the
  // rule is current; if it changed since we looked, start again with the event lock.
  if (!eventBinding && eventLimitBinds(limits.rule))
    throw new RetryTransaction('the event-wide limit now binds');
  const eventCapacity = limits.rule.eventCapacity;
  const eventFull =
    eventBinding && eventCapacity !== null && limits.eventTaken + limits.reservedInEvent >= eventCapacity;
  const status: Placed['status'] =
    categoryFull || eventFull
      ? 'waitlisted'
      : category.requiresApproval && !origin.approve
        ? 'pending'
        : 'confirmed';

  const manageToken = newToken();
  const [row] = await uow.tx
    .insert(registrations)
    .values({
      eventId,
      categoryId: category.id,
      reference: `${randomCode(4)}-${randomCode(4)}`,
      status,
      source: origin.source,
      ...request.participant,
      locale: request.locale,
      answers,
      consents: origin.consents,
      invitationCodeId: code?.id ?? null,
      delegationId,
      partnerId: origin.partnerId,
      manageTokenHash: sha256(manageToken),
      ticketCode: randomCode(20),
      emailVerifiedAt: origin.emailVerified ? now : null,
      waitlistRank: status === 'waitlisted' ? nextRank(runtime) : null,
      confirmedAt: status === 'confirmed' ? now : null,
      paymentStatus: category.feeAmount ? 'unpaid' : 'not_required',
    })
    .returning();
  if (!row) throw new Error('registration insert returned nothing');

  await attachFiles(uow, eventId, row.id, questions, answers);

  const choices = chosen.map((o) => {
    const free =
      status !== 'waitlisted' && (o.capacity === null || (limits.optionBooked.get(o.id) ?? 0) < o.capacity);
    return { optionId: o.id, status: free ? ('booked' as const) : ('waitlisted' as const) };
  });
  if (choices.length) {
    await uow.tx.insert(registrationChoices).values(
      choices.map((c) => ({
        registrationId: row.id,
        ...c,
        waitlistRank: c.status === 'booked' ? null : nextRank(runtime),
      })),
    );
  }

  const label =
    typeof origin.caller === 'string'
      ? undefined
      : origin.caller.actor
        ? undefined
        : `${origin.source}: ${row.email}`;
  await recordAudit(uow.tx, origin.caller, {
    eventId,
    action: 'registration.create',
    objectType: 'registration',
    objectId: row.id,
    after: {
      status,
      categoryId: category.id,
      email: row.email,
      source: origin.source,
      options: request.optionIds,
    },
    ...(label ? { actorLabel: label } : {}),
  });
  const data = webhookData(row);
  await recordWebhookEvent(runtime, uow, {
    partnerId: row.partnerId,
    type: 'registration.created',
    registration: data,
  });
  if (status !== 'pending') {
    await recordWebhookEvent(runtime, uow, {
      partnerId: row.partnerId,
      type: status === 'confirmed' ? 'registration.confirmed' : 'registration.waitlisted',
      registration: data,
    });
  }

  if (origin.sendMail !== false) {
    const link = registrationLink(runtime, manageToken);
    const facts = {
      eventTitle: event.title,
      name: `${row.givenName} ${row.familyName}`,
      reference: row.reference,
      link,
    };
    const to = { email: row.email, locale: row.locale, eventId };
    if (!origin.emailVerified) await mailParticipant(runtime, uow, 'verify', to, facts);
    else if (status === 'waitlisted')
      await mailParticipant(runtime, uow, 'waitlisted', to, {
        ...facts,
        waitlistPosition: (await waitlistPositions(uow.tx, [row.id])).get(row.id) ?? null,
      });
    else await mailParticipant(runtime, uow, status, to, facts);
  }
  const asked = new Map(choices.map((c) => [c.optionId, c]));
  return {
    registrationId: row.id,
    reference: row.reference,
    manageToken,
    status,
    options: request.optionIds.map((id) => asked.get(id)).filter((c) => c !== undefined),
  };
}

/**
 * A group in one go: the delegation and every member's registration in one
 * transaction, so a partner never gets half a delegation.
 */
export async function placeDelegation(
  runtime: Runtime,
  uow: UnitOfWork,
  eventId: string,
  request: DelegationRequest,
  origin: PlacementOrigin,
): Promise<{ delegationId: string; registrationIds: string[]; contactToken: string }> {
  const contactToken = newToken();
  const [delegation] = await uow.tx
    .insert(delegations)
    .values({
      eventId,
      name: request.name,
      contactName: request.contactName,
      contactEmail: request.contactEmail,
      partnerId: origin.partnerId,
      manageTokenHash: sha256(contactToken),
    })
    .returning({ id: delegations.id });
  if (!delegation) throw new Error('delegation insert returned nothing');
  const registrationIds: string[] = [];
  for (const [index, member] of request.members.entries()) {
    try {
      const placed = await placeRegistration(
        runtime,
        uow,
        eventId,
        {
          categoryId: request.categoryId,
          invitationCode: request.invitationCode ?? null,
          participant: member.participant,
          optionIds: request.optionIds,
          answers: member.answers,
          locale: request.locale,
        },
        origin,
        delegation.id,
      );
      registrationIds.push(placed.registrationId);
    } catch (err) {
      // Name the member at fault: members.3.participant.email.
      if (err instanceof DomainError && Object.keys(err.fieldErrors).length) {
        const fields = Object.fromEntries(
          Object.entries(err.fieldErrors).map(([k, v]) => [
            k === 'categoryId' || k === 'invitationCode' || k === 'optionIds' ? k : `members.${index}.${k}`,
            v,
          ]),
        );
        throw new DomainError(
          err.code,
          `Delegate ${index + 1}: ${err.message}`,
          fields,
          err.retryAfterSeconds,
        );
      }
      throw err;
    }
  }
  const [event] = await uow.tx.select({ title: events.title }).from(events).where(eq(events.id, eventId));
  await mailDelegationContact(
    runtime,
    uow,
    { email: request.contactEmail, locale: request.locale, eventId },
    {
      eventTitle: event?.title ?? {},
      name: request.contactName,
      delegation: request.name,
      members: request.members.length,
      link: delegationLinkUrl(runtime, contactToken),
    },
  );
  await recordAudit(uow.tx, origin.caller, {
    eventId,
    action: 'delegation.create',
    objectType: 'delegation',
    objectId: delegation.id,
    after: { name: request.name, members: request.members.length, contactEmail: request.contactEmail },
    ...(origin.source === 'partner' ? { actorLabel: `partner ${origin.partnerId ?? ''}` } : {}),
  });
  return { delegationId: delegation.id, registrationIds, contactToken };
}

/** Cancelling lives with promotion (a freed place is handed on in the same transaction). */
export { cancelRegistration } from './promotion';
