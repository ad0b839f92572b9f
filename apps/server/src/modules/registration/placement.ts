import { randomBytes, randomUUID } from 'node:crypto';
import { eq, insertRows, schema } from '@plenary/db';
import { resolveOrganisations } from '../organisations/organisations.service';
import type { AcceptedConsent } from '@plenary/db/schema';
import {
  checkAnswers,
  DomainError,
  domainMessage,
  standardFieldNames,
  standardFieldRuleOf,
  type Caller,
  type DelegationRequest,
  type DomainMessage,
  type FormQuestion,
  type RegistrationRequest,
  type StandardFieldRules,
} from '@plenary/contracts';
import type { Runtime, UnitOfWork } from '../../core/runtime';
import { recordAudit, recordAudits } from '../audit/audit.service';
import { newToken, sha256 } from '../identity/crypto';
import { recordDomainEvents } from '../domain-events/record';
import { decidePlacements, eventLimitBinds, holdLimits, type Wait } from './capacity';
import {
  readPlacementContext,
  type ContextCategory,
  type ContextCode,
  type PlacementContext,
} from './placement-context';
import { delegationLinkUrl, mailDelegationContact, mailParticipants, registrationLink } from './mails';
import { optionConflictsOf } from './option-conflicts';
import { paymentTerms } from './payment';
import { attachFiles } from './uploads';
import { registrationEvent } from './webhook-data';
import { findOrCreatePersons, personFieldsOf, type PersonFor } from '../people/people.service';

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
  /** Consents as staff record them (kind and version are checked like any others). */
  consents: AcceptedConsent[];
  /**
   * The consent texts the person accepted (kind and version), on the portal or
   * on a partner's site: checked against the current versions when the
   * registration is placed, and recorded, with the time, instead of `consents`.
   */
  consentsGiven?: Array<{ kind: string; version: number }>;
  /** Staff may register before a category opens or after it closes. */
  ignoreOpeningDates: boolean;
  /** Send the participant their mail (staff may choose not to). */
  sendMail?: boolean;
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function randomCode(length: number): string {
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A refusal that belongs to one field; the field carries the English words (the API's). */
function invalid(field: string, message: DomainMessage): DomainError {
  return new DomainError('INVALID_INPUT', message, { [field]: [domainMessage(message.key, message.params)] });
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
      { key: 'someFieldsInvalid', params: { fields: Object.keys(errors).join(', ') } },
      errors,
    );
  return kept;
}

/** What placing a registration decided. */
export interface Placed {
  registrationId: string;
  reference: string;
  manageToken: string;
  status: 'pending' | 'confirmed' | 'waitlisted' | 'awaiting_payment';
  /** Position on the category's waiting list when waitlisted (1 = next), as of the commit. */
  waitlistPosition: number | null;
  /** The options asked for, in the order asked, booked or waiting (with the position on the option's list). */
  options: Array<{ optionId: string; status: 'booked' | 'waitlisted'; waitlistPosition: number | null }>;
}

/** One registration to place, with how it came. */
export interface PlacementItem {
  request: RegistrationRequest;
  origin: PlacementOrigin;
  delegationId?: string | null;
}

/** An item that passed the checks made before the locks, with what they found. */
interface Checked {
  index: number;
  item: PlacementItem;
  category: ContextCategory;
  code: ContextCode | null;
  chosen: Array<{ id: string }>;
  answers: Record<string, unknown>;
  consents: AcceptedConsent[];
}

/**
 * The one consent rule, for every entry point (portal, staff, partner, delegations;
 * issue 8, item 9): each text given must be the current version, and each
 * required one must be given. Staff registering one person confirm, text by
 * text, what the person accepted (`consentsGiven`) and meet the same rule.
 * Staff delegations confirm each member's consents the same way (`consentsGiven`
 * per member); a staff path that passes none records what it passes.
 */
function consentsOf(
  current: PlacementContext['consents'],
  origin: PlacementOrigin,
  now: Date,
): AcceptedConsent[] {
  const given = origin.consentsGiven ?? origin.consents.map((c) => ({ kind: c.kind, version: c.version }));
  const errors: Record<string, string[]> = {};
  const accepted: AcceptedConsent[] = [];
  for (const c of current) {
    const g = given.find((x) => x.kind === c.kind);
    if (g && g.version !== c.version)
      (errors[`consents.${c.kind}`] ??= []).push(
        'This text has changed: read the new version and accept it again',
      );
    else if (!g && c.required && (origin.source !== 'staff' || origin.consentsGiven !== undefined))
      (errors[`consents.${c.kind}`] ??= []).push('You must accept this to register');
    else if (g) accepted.push({ kind: c.kind, version: c.version, acceptedAt: now.toISOString() });
  }
  if (Object.keys(errors).length)
    throw new DomainError('INVALID_INPUT', { key: 'acceptRequiredTexts' }, errors);
  return accepted;
}

const codeNotValid: DomainMessage = { key: 'invitationCodeNotValid' };
const codeExpired: DomainMessage = { key: 'invitationCodeExpired' };

/** The checks that need no lock: the event, category, code, options, form and duplicates. */
function check(ctx: PlacementContext, item: PlacementItem, now: Date): Omit<Checked, 'index' | 'item'> {
  const { request, origin } = item;
  const staff = origin.source === 'staff';
  const { event } = ctx;
  if (!event) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
  const consents = consentsOf(ctx.consents, origin, now);
  if (event.status !== 'published' && !(staff && (event.status === 'draft' || event.status === 'closed'))) {
    throw new DomainError('INVALID_STATE', { key: 'registrationClosed' });
  }
  const category = ctx.categories.get(request.categoryId);
  if (!category) throw invalid('categoryId', { key: 'categoryNotInEvent' });
  const code = request.invitationCode ? (ctx.codes.get(request.invitationCode) ?? null) : null;
  if (request.invitationCode) {
    // The form check's answers (portal.service.ts form), under the same guessing budget
    // (rate-limits.ts): an expired code is told apart (it grants nothing; its holder must
    // ask for a new one); unknown, revoked, used-up or another category's look alike, so
    // a guesser learns nothing about live codes.
    if (code && !code.revokedAt && code.expiresAt && code.expiresAt <= now)
      throw invalid('invitationCode', codeExpired);
    if (!code || code.revokedAt || code.categoryId !== category.id) throw invalid('invitationCode', codeNotValid);
  }
  if (category.visibility === 'invitation' && !code && !staff)
    throw invalid('categoryId', { key: 'categoryByInvitation' });
  if (!origin.ignoreOpeningDates) {
    if (category.opensAt && now < category.opensAt)
      throw new DomainError('INVALID_STATE', { key: 'categoryNotOpenYet' }, {
        categoryId: ['Not open yet'],
      });
    if (category.closesAt && now >= category.closesAt)
      throw new DomainError('INVALID_STATE', { key: 'categoryClosed' }, {
        categoryId: ['Closed'],
      });
  }
  const chosen = request.optionIds.map((id) => ctx.options.get(id));
  if (chosen.some((o) => o === undefined))
    throw invalid('optionIds', { key: 'optionNotOffered' });
  const answers = checkForm(request, ctx.standardFields, ctx.questions as FormQuestion[]);
  // Duplicates are refused with a clear message; the partial unique index is the backstop.
  if (ctx.registeredEmails.has(request.participant.email)) {
    throw new DomainError('CONFLICT', { key: 'emailAlreadyRegistered' }, {
      'participant.email': ['Already registered: use the link in your email, or ask for it again'],
    });
  }
  return {
    category,
    code,
    chosen: chosen as Array<{ id: string }>,
    answers,
    consents,
  };
}

/**
 * Places a batch of registrations for one event in the caller's transaction:
 * checks each one's category, code, options, form and consents, takes the
 * locks of every limited object the batch touches (once), counts what is taken
 * from the rows (once), and gives each, in order, a place or a waiting-list
 * entry. Everything (registrations, options, audit, webhooks, mail) is written
 * with one statement per table, so a batch of fifty costs about the round
 * trips of one. A registration that fails a check gets its own error in its
 * slot and writes nothing; the others are placed.
 */
export async function placeRegistrations(
  runtime: Runtime,
  uow: UnitOfWork,
  eventId: string,
  items: PlacementItem[],
): Promise<Array<Placed | DomainError>> {
  const now = runtime.now();
  const results: Array<Placed | DomainError> = new Array<Placed | DomainError>(items.length);
  const ctx = await readPlacementContext(uow.tx, {
    eventId,
    categoryIds: [...new Set(items.map((i) => i.request.categoryId))],
    codes: [...new Set(items.flatMap((i) => (i.request.invitationCode ? [i.request.invitationCode] : [])))],
    optionIds: [...new Set(items.flatMap((i) => i.request.optionIds))],
    emails: [...new Set(items.map((i) => i.request.participant.email))],
  });
  const checked: Checked[] = [];
  const optionConflicts = await optionConflictsOf(
    uow.tx,
    eventId,
    items.map((i) => i.request.optionIds),
  );
  for (const [index, item] of items.entries()) {
    try {
      const found = check(ctx, item, now);
      const conflict = optionConflicts.get(index);
      if (conflict) throw conflict;
      // The same address twice in one batch: the first one registers.
      ctx.registeredEmails.add(item.request.participant.email);
      checked.push({ index, item, ...found });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results[index] = err;
    }
  }
  if (!checked.length) return results;

  // Lock every object the batch touches, read the limits and counts under the locks, decide.
  const limits = await holdLimits(
    runtime,
    uow,
    eventId,
    {
      categoryIds: [...new Set(checked.map((c) => c.category.id))],
      codeIds: [...new Set(checked.flatMap((c) => (c.code ? [c.code.id] : [])))],
      optionIds: [...new Set(checked.flatMap((c) => c.chosen.map((o) => o.id)))],
    },
    eventLimitBinds(ctx.rule),
  );
  const decisions = decidePlacements(
    limits,
    checked.map((c) => ({
      categoryId: c.category.id,
      codeId: c.code?.id ?? null,
      optionIds: c.chosen.map((o) => o.id),
      confirmAtOnce: !c.category.requiresApproval || c.item.origin.approve,
    })),
    now,
  );
  const placed: Array<{
    c: Checked;
    id: string;
    status: Placed['status'];
    wait: Wait | null;
    choices: Array<{ optionId: string; status: 'booked' | 'waitlisted'; wait: Wait | null }>;
  }> = [];
  // A place in a fee category waits for payment (payment.ts) instead of being confirmed.
  const mustPay = (c: Checked) => Boolean(c.category.feeAmount);
  const payment = checked.some(mustPay) ? await paymentTerms(uow.tx, eventId, now) : null;
  for (const [i, decision] of decisions.entries()) {
    const c = checked[i]!;
    if (!decision.ok) results[c.index] = invalid(decision.field, decision.message);
    else
      placed.push({
        c,
        id: randomUUID(),
        status: decision.status === 'confirmed' && mustPay(c) ? 'awaiting_payment' : decision.status,
        wait: decision.wait,
        choices: decision.choices,
      });
  }
  if (!placed.length) return results;

  // Each registrant's person; staff and partners vouch for what they type, a portal form
  // does not (people.service.ts keeps its differences as the registration's pending profile).
  const people = new Map<string, PersonFor>();
  for (const vouched of [true, false]) {
    const group = placed.filter(({ c }) => c.item.origin.emailVerified === vouched);
    const found = await findOrCreatePersons(
      uow.tx,
      group.map(({ c }) => ({
        ...personFieldsOf({
          ...c.item.request.participant,
          localName: c.item.request.participant.localName ?? null,
          jobTitle: c.item.request.participant.jobTitle ?? null,
          phone: c.item.request.participant.phone ?? null,
        }),
        email: c.item.request.participant.email,
        locale: c.item.request.locale,
      })),
      { vouched, locale: 'en', now },
    );
    group.forEach(({ id }, i) => people.set(id, found[i]!));
  }

  const organisationIds = await resolveOrganisations(
    uow.tx,
    placed.map(({ c }) => ({
      name: c.item.request.participant.organisation,
      country: c.item.request.participant.country,
    })),
    now,
  );
  const tokens = new Map<string, string>();
  const rows = placed.map(({ c, id, status, wait }, i) => {
    const { email: _email, givenName: _g, familyName: _f, localName: _l, jobTitle: _j, country: _c, phone: _p, ...own } =
      c.item.request.participant;
    const { request, origin } = c.item;
    const manageToken = newToken();
    tokens.set(id, manageToken);
    return {
      id,
      eventId,
      categoryId: c.category.id,
      reference: `${randomCode(4)}-${randomCode(4)}`,
      status,
      source: origin.source,
      ...own,
      organisationId: organisationIds[i] ?? null,
      personId: people.get(id)!.personId,
      pendingProfile: people.get(id)!.pendingProfile,
      locale: request.locale,
      answers: c.answers,
      consents: c.consents,
      invitationCodeId: c.code?.id ?? null,
      delegationId: c.item.delegationId ?? null,
      partnerId: origin.partnerId,
      manageTokenHash: sha256(manageToken),
      ticketCode: randomCode(20),
      emailVerifiedAt: origin.emailVerified ? now : null,
      waitlistRank: wait?.rank ?? null,
      confirmedAt: status === 'confirmed' ? now : null,
      paymentStatus: mustPay(c) ? ('unpaid' as const) : ('not_required' as const),
      paymentDueAt: status === 'awaiting_payment' ? (payment?.dueAt ?? null) : null,
    };
  });
  await insertRows(uow.tx, registrations, rows);
  for (const { c, id } of placed)
    await attachFiles(uow, eventId, id, ctx.questions as FormQuestion[], c.answers, fieldPrefix(c));

  const choiceRows = placed.flatMap(({ id, choices }) =>
    choices.map((ch) => ({
      registrationId: id,
      optionId: ch.optionId,
      status: ch.status,
      waitlistRank: ch.wait?.rank ?? null,
    })),
  );
  await insertRows(uow.tx, registrationChoices, choiceRows);

  await recordAudits(
    uow.tx,
    placed.map(({ c, id, status }) => {
      const { origin, request } = c.item;
      // Someone registering themselves on the portal is the registration's participant.
      const self =
        typeof origin.caller !== 'string' &&
        !origin.caller.actor &&
        !origin.caller.agent &&
        origin.source === 'portal';
      return {
        caller: origin.caller,
        change: {
          eventId,
          action: 'registration.create',
          objectType: 'registration',
          objectId: id,
          after: {
            status,
            categoryId: c.category.id,
            email: request.participant.email,
            source: origin.source,
            options: request.optionIds,
            // Staff vouch for what the person accepted: who confirmed it is this entry's actor.
            ...(origin.source === 'staff' && origin.consentsGiven !== undefined
              ? { consentsConfirmedByStaff: c.consents.map((k) => `${k.kind} v${k.version}`) }
              : {}),
          },
          ...(self ? { actor: { kind: 'participant' as const, registrationId: id } } : {}),
        },
      };
    }),
  );
  await recordDomainEvents(
    runtime,
    uow,
    rows.flatMap((row) => {
      const { person } = people.get(row.id)!;
      const facts = { ...row, email: person.email, givenName: person.givenName, familyName: person.familyName };
      const created = registrationEvent('registration.created', facts);
      // Partners hear of a place in a fee category when it is paid (transitions.ts).
      if (row.status === 'pending' || row.status === 'awaiting_payment') return [created];
      return [
        created,
        registrationEvent(row.status === 'confirmed' ? 'registration.confirmed' : 'registration.waitlisted', facts),
      ];
    }),
  );

  await mailParticipants(
    runtime,
    uow,
    placed.flatMap(({ c, id, status, wait }, i) => {
      const { origin } = c.item;
      const row = rows[i]!;
      if (origin.sendMail === false) return [];
      // The name as this form typed it: the mail answers what the registrant sent.
      const typed = c.item.request.participant;
      const facts = {
        eventTitle: ctx.event?.title ?? {},
        name: `${typed.givenName} ${typed.familyName}`,
        reference: row.reference,
        link: registrationLink(runtime, tokens.get(id)!),
      };
      const to = { email: typed.email, locale: row.locale, eventId };
      const kind = !origin.emailVerified ? 'verify' : status === 'awaiting_payment' ? 'payment' : status;
      const owed =
        status === 'awaiting_payment' && payment
          ? { deadline: payment.dueAt, instructions: payment.instructions }
          : null;
      return [{ kind, to, facts: { ...facts, waitlistPosition: wait?.position ?? null, payment: owed } }];
    }),
  );

  for (const [i, { c, id, status, wait, choices }] of placed.entries()) {
    const asked = new Map(choices.map((ch) => [ch.optionId, ch]));
    results[c.index] = {
      registrationId: id,
      reference: rows[i]!.reference,
      manageToken: tokens.get(id)!,
      status,
      waitlistPosition: wait?.position ?? null,
      options: c.item.request.optionIds
        .map((optionId) => asked.get(optionId))
        .filter((ch) => ch !== undefined)
        .map((ch) => ({
          optionId: ch.optionId,
          status: ch.status,
          waitlistPosition: ch.wait?.position ?? null,
        })),
    };
  }
  return results;
}

/** Where a delegation member's fields are named: members.3.; a lone registration's: nothing. */
function fieldPrefix(c: Checked): string {
  return c.item.delegationId ? `members.${c.index}.` : '';
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
  // The contact is a person too; a name typed as one text never rewrites an existing person's.
  const contact = await findOrCreatePersons(
    uow.tx,
    [
      {
        email: request.contactEmail,
        givenName: request.contactName,
        familyName: '',
        localName: null,
        country: null,
        phone: null,
        jobTitle: null,
        locale: request.locale,
      },
    ],
    { vouched: false, locale: request.locale, now: runtime.now() },
  );
  const [delegation] = await uow.tx
    .insert(delegations)
    .values({
      eventId,
      name: request.name,
      contactPersonId: contact[0]!.personId,
      partnerId: origin.partnerId,
      manageTokenHash: sha256(contactToken),
    })
    .returning({ id: delegations.id });
  if (!delegation) throw new Error('delegation insert returned nothing');
  const results = await placeRegistrations(
    runtime,
    uow,
    eventId,
    request.members.map((member) => ({
      request: {
        categoryId: request.categoryId,
        invitationCode: request.invitationCode ?? null,
        participant: member.participant,
        optionIds: request.optionIds,
        answers: member.answers,
        locale: request.locale,
      },
      // A member's own consents (staff confirm them delegate by delegate) decide for them.
      origin: member.consents ? { ...origin, consentsGiven: member.consents } : origin,
      delegationId: delegation.id,
    })),
  );
  const registrationIds: string[] = [];
  for (const [index, result] of results.entries()) {
    if (result instanceof DomainError) {
      // All or nothing: the first member at fault fails the group, named as members.3.participant.email.
      const fields = Object.fromEntries(
        Object.entries(result.fieldErrors).map(([k, v]) => [
          k === 'categoryId' ||
          k === 'invitationCode' ||
          k === 'optionIds' ||
          (k.startsWith('consents.') && !request.members[index]?.consents)
            ? k
            : `members.${index}.${k}`,
          v,
        ]),
      );
      throw new DomainError(
        result.code,
        {
          key: 'delegateRefused',
          params: { ...result.messageParams, delegate: index + 1, reason: result.messageKey },
        },
        fields,
        result.retryAfterSeconds,
      );
    }
    if (result) registrationIds.push(result.registrationId);
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
  });
  return { delegationId: delegation.id, registrationIds, contactToken };
}

/** Cancelling lives with promotion (a freed place is handed on in the same transaction). */
export { cancelRegistration } from './promotion';
