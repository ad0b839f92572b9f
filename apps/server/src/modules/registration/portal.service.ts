import { and, asc, eq, schema } from '@plenary/db';
import { resolveOrganisation } from '../organisations/organisations.service';
import { updatePerson, verifyPersonEmail } from '../people/people.service';
import { personFieldNames, type PersonFields } from '../people/people.repo';
import { isAlreadyRegistered, lookalikeReceipt, queueLinkMail } from './link-mail';
import {
  checkAnswers,
  type FormQuestion,
  DomainError,
  type Caller,
  type MyRegistrationDto,
  type ParticipantCaller,
  type Services,
} from '@plenary/contracts';
import { inTransaction, type Runtime, type UnitOfWork } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { categoryHasRoom, joinWaitingList, optionHasRoom, readAvailability } from './capacity';
import { mailParticipant, registrationLink } from './mails';
import { placeRegistration } from './placement-batcher';
import { cancelRegistration, fillFreedPlaces, lockWholeEvent } from './promotion';
import { loadRegistrationDto } from './registration.dto';
import { refuseConflictingOptions } from './option-conflicts';
import { attachFiles, uploadFile } from './uploads';
import {
  categoryRequiresApproval,
  choicesOf,
  deleteChoice,
  eventTitle,
  findEvent,
  findRegistration,
  findSettings,
  findVisaLetterStatus,
  insertChoice,
  lockRegistration,
  optionLimits,
  optionWaitingList,
  updateRegistration,
  type RegistrationRow,
} from './registration.repo';
import { moveRegistration } from './transitions';
import { correctMyName, nameCorrectionOf } from './name-correction';
import { issueAltchaChallenge, spendAltchaSolution } from './altcha';

const {
  events,
  registrationSettings,
  registrationCategories: categories,
  registrationOptions: options,
  invitationCodes,
  consentVersions,
} = schema;

async function currentConsents(runtime: Runtime, eventId: string) {
  const rows = await runtime.db
    .select()
    .from(consentVersions)
    .where(eq(consentVersions.eventId, eventId))
    .orderBy(asc(consentVersions.kind), asc(consentVersions.version));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.kind, r);
  return [...latest.values()];
}

export function createPortalRegistrationService(runtime: Runtime): Services['portalRegistration'] {
  return {
    async form(_caller, input) {
      const now = runtime.now();
      const [event] = await runtime.db
        .select({ id: events.id, status: events.status })
        .from(events)
        .where(eq(events.id, input.eventId));
      if (!event || event.status !== 'published')
        throw new DomainError('NOT_FOUND', { key: 'noPublishedEventWithId' });
      const [settings] = await runtime.db
        .select()
        .from(registrationSettings)
        .where(eq(registrationSettings.eventId, event.id));
      // Places left as placement decides them (event-wide limit, places held back for
      // codes), and each code's uses: one read for the whole form.
      const places = await readAvailability(runtime.db, event.id, now);
      let code: typeof invitationCodes.$inferSelect | undefined;
      let codeState: { valid: boolean; reason: 'unknown' | 'expired' | 'used_up' | null } | null = null;
      if (input.invitationCode) {
        [code] = await runtime.db
          .select()
          .from(invitationCodes)
          .where(and(eq(invitationCodes.eventId, event.id), eq(invitationCodes.code, input.invitationCode)));
        if (!code || code.revokedAt) codeState = { valid: false, reason: 'unknown' };
        else if (code.expiresAt && code.expiresAt <= now) codeState = { valid: false, reason: 'expired' };
        else if ((places.codes.get(code.id)?.uses ?? 0) >= code.maxUses)
          codeState = { valid: false, reason: 'used_up' };
        else codeState = { valid: true, reason: null };
        // To the public, unknown, revoked and used-up look alike: a guesser must not learn
        // that a live code exists (the organiser sees why in the console). An expired code
        // is told apart, here and at register (placement.ts), under the same guessing
        // budget: it grants nothing any more, and its holder needs to know to ask for a new one.
        if (!codeState.valid && codeState.reason !== 'expired') {
          code = undefined;
          codeState = { valid: false, reason: 'unknown' };
        }
        if (!codeState.valid) code = undefined;
      }
      const cats = await runtime.db
        .select()
        .from(categories)
        .where(eq(categories.eventId, event.id))
        .orderBy(asc(categories.position), asc(categories.code));
      const opts = await runtime.db
        .select()
        .from(options)
        .where(eq(options.eventId, event.id))
        .orderBy(asc(options.position), asc(options.code));
      const shown = cats.filter((c) => c.visibility === 'public' || c.id === code?.categoryId);
      const categoryViews = shown.map((c) => {
        const open = (!c.opensAt || c.opensAt <= now) && (!c.closesAt || now < c.closesAt);
        return {
          id: c.id,
          label: c.label,
          description: c.description,
          requiresApproval: c.requiresApproval,
          feeAmount: c.feeAmount,
          feeCurrency: c.feeCurrency,
          open,
          full: !categoryHasRoom(places, c.id, c.id === code?.categoryId ? code.id : null),
          viaCode: c.id === code?.categoryId,
        };
      });
      return {
        eventId: event.id,
        open: categoryViews.some((c) => c.open),
        categories: categoryViews,
        options: opts.map((o) => ({
          id: o.id,
          kind: o.kind,
          label: o.label,
          description: o.description,
          startsAt: o.startsAt?.toISOString() ?? null,
          endsAt: o.endsAt?.toISOString() ?? null,
          exclusiveGroup: o.exclusiveGroup,
          full: !optionHasRoom(places, o.id),
        })),
        standardFields: settings?.standardFields ?? {},
        questions: (settings?.questions ?? []) as never,
        consents: (await currentConsents(runtime, event.id)).map((c) => ({
          kind: c.kind as 'privacy' | 'photography',
          version: c.version,
          text: c.text,
          required: c.required,
        })),
        invitationCode: codeState,
        visaLettersEnabled: settings?.visaLettersEnabled ?? true,
      };
    },

    altchaChallenge: () => issueAltchaChallenge(runtime),

    async register(caller, input) {
      const { eventId, consents, altcha, ...request } = input;
      // Before anything else: a bot without the work costs one hash.
      await spendAltchaSolution(runtime, altcha);
      let placed;
      try {
        placed = await placeRegistration(runtime, eventId, request, {
          source: 'portal',
          partnerId: null,
          caller,
          emailVerified: false,
          approve: false,
          consents: [],
          consentsGiven: consents,
          ignoreOpeningDates: false,
        });
      } catch (err) {
        if (!isAlreadyRegistered(err)) throw err;
        // Issue 10, finding 4: an address already registered answers as a new one would
        // (anyone may type anyone's address); its owner is mailed their link instead.
        await queueLinkMail(runtime, { eventId, email: request.participant.email });
        return lookalikeReceipt(runtime, eventId, request);
      }
      return {
        id: placed.registrationId,
        reference: placed.reference,
        status: placed.status,
        waitlistPosition: placed.waitlistPosition,
        options: placed.options,
      };
    },

    uploadFile: (_caller, input) => uploadFile(runtime, input),

    async resendLink(_caller, input) {
      // The same answer in the same time whether or not the address is registered:
      // the lookup and the mail run after answering (link-mail.ts).
      await queueLinkMail(runtime, { eventId: input.eventId, email: input.email });
    },
  };
}

async function myView(runtime: Runtime, caller: ParticipantCaller): Promise<MyRegistrationDto> {
  const dto = await loadRegistrationDto(runtime.db, caller.registrationId, runtime.now());
  if (!dto) throw new DomainError('NOT_FOUND', { key: 'registrationNotFound' });
  const [event, settings, row, visa] = await Promise.all([
    findEvent(runtime.db, dto.eventId),
    findSettings(runtime.db, dto.eventId),
    findRegistration(runtime.db, dto.id),
    findVisaLetterStatus(runtime.db, dto.id),
  ]);
  if (!event) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
  const live = dto.status !== 'cancelled' && dto.status !== 'rejected';
  return {
    id: dto.id,
    reference: dto.reference,
    status: dto.status,
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: event.timeZone,
      country: event.country,
      venueName: event.venueName,
    },
    category: { id: dto.category.id, label: dto.category.label },
    participant: {
      givenName: dto.givenName,
      familyName: dto.familyName,
      localName: dto.localName,
      email: dto.email,
      organisation: dto.organisation,
      jobTitle: dto.jobTitle,
      country: dto.country,
      phone: dto.phone,
      dietary: dto.dietary,
      accessibility: dto.accessibility,
    },
    answers: dto.answers,
    options: dto.options,
    waitlistPosition: dto.waitlistPosition,
    offerExpiresAt: dto.offerExpiresAt,
    statusReason: dto.statusReason,
    emailVerified: dto.emailVerified,
    paymentStatus: dto.paymentStatus,
    fee: dto.fee,
    payment:
      dto.status === 'awaiting_payment' && row?.paymentDueAt
        ? {
            dueAt: row.paymentDueAt.toISOString(),
            reference: dto.reference,
            instructions: settings?.paymentInstructions ?? {},
          }
        : null,
    ticketCode: dto.status === 'confirmed' ? (row?.ticketCode ?? null) : null,
    editableFields: live
      ? (settings?.editableFields ?? ['phone', 'dietary', 'accessibility', 'jobTitle'])
      : [],
    nameCorrection: nameCorrectionOf(settings, live, runtime.now()),
    canCancel: live && (settings?.allowSelfCancel ?? true) && !dto.checkedInAt,
    checkedIn: dto.checkedInAt !== null,
    visaLetter: visa ?? null,
    visaLettersEnabled: settings?.visaLettersEnabled ?? true,
  } as MyRegistrationDto;
}

/** The link holder, as the audit log names them: by their registration, never their email. */
const asParticipant = (caller: ParticipantCaller): Caller => ({
  actor: null,
  request: caller.request,
  agent: { kind: 'participant', registrationId: caller.registrationId },
});

export function createMyRegistrationService(runtime: Runtime): Services['myRegistration'] {
  return {
    get: (caller) => myView(runtime, caller),

    async verifyEmail(caller) {
      await inTransaction(runtime, async (uow) => {
        const row = await lockRegistration(uow.tx, caller.registrationId);
        if (!row || row.emailVerifiedAt || row.status === 'cancelled' || row.status === 'rejected') return;
        const now = runtime.now();
        await updateRegistration(uow.tx, row.id, row.status, { emailVerifiedAt: now, pendingProfile: null, updatedAt: now });
        // The address's owner stands behind what this registration typed: it becomes the person's.
        await verifyPersonEmail(uow.tx, row.personId, row.pendingProfile, now);
        await recordAudit(uow.tx, caller, {
          eventId: row.eventId,
          action: 'registration.verifyEmail',
          objectType: 'registration',
          objectId: row.id,
          after: { emailVerified: true },
        });
        const title = await eventTitle(uow.tx, row.eventId);
        const dto = await loadRegistrationDto(uow.tx, row.id, now);
        const settings = row.status === 'awaiting_payment' ? await findSettings(uow.tx, row.eventId) : undefined;
        const kind =
          row.status === 'waitlisted'
            ? 'waitlisted'
            : row.status === 'pending'
              ? 'pending'
              : row.status === 'offered'
                ? 'offer'
                : row.status === 'awaiting_payment'
                  ? 'payment'
                  : 'confirmed';
        const owed =
          row.status === 'awaiting_payment' && row.paymentDueAt
            ? { deadline: row.paymentDueAt, instructions: settings?.paymentInstructions ?? {} }
            : null;
        await mailParticipant(
          runtime,
          uow,
          kind,
          { email: row.email, locale: row.locale, eventId: row.eventId },
          {
            eventTitle: title,
            name: `${row.givenName} ${row.familyName}`,
            reference: row.reference,
            link: registrationLink(runtime, caller.linkToken),
            waitlistPosition: dto?.waitlistPosition ?? null,
            offerDeadline: row.offerExpiresAt ?? null,
            payment: owed,
          },
        );
      });
      return myView(runtime, caller);
    },

    async update(caller, input) {
      const view = await myView(runtime, caller);
      const editable = new Set<string>(view.editableFields);
      const errors: Record<string, string[]> = {};
      for (const key of Object.keys(input.participant ?? {}))
        if (!editable.has(key)) errors[`participant.${key}`] = ['The organisers do not allow changing this'];
      if (input.answers && !editable.has('answers'))
        errors.answers = ['The organisers do not allow changing answers'];
      if (input.optionIds && !editable.has('options'))
        errors.optionIds = ['The organisers do not allow changing options'];
      if (Object.keys(errors).length)
        throw new DomainError('FORBIDDEN', { key: 'fieldsNotChangeable' }, errors);
      await inTransaction(runtime, async (uow) => {
        // The lock order (promotion.ts): an option change hands seats on, so the event's
        // limits are locked before the row, never after.
        if (input.optionIds) await lockWholeEvent(runtime, uow, caller.eventId);
        const before = await lockRegistration(uow.tx, caller.registrationId);
        if (!before) throw new DomainError('NOT_FOUND', { key: 'registrationNotFound' });
        let answers: Record<string, unknown> | undefined;
        if (input.answers) {
          // The same check as at registration: only offered answers, required ones given.
          const questions = ((await findSettings(uow.tx, before.eventId))?.questions ?? []) as FormQuestion[];
          const { errors, kept } = checkAnswers(questions, input.answers);
          if (Object.keys(errors).length)
            throw new DomainError(
              'INVALID_INPUT',
              { key: 'someAnswersInvalid', params: { fields: Object.keys(errors).join(', ') } },
              errors,
            );
          answers = kept;
          // A changed file answer names a new upload: it becomes this registration's, once, as
          // at registration (unclaimed, it would be removed as an orphan the next day).
          const previousAnswers = before.answers;
          const changed = Object.fromEntries(Object.entries(kept).filter(([id, v]) => previousAnswers[id] !== v));
          await attachFiles(uow, before.eventId, before.id, questions, changed);
        }
        // The person's fields (phone, job title, the name in their own script) are written on
        // the person: whoever holds this registration's link reads the address's mail. The
        // rest (organisation as typed, dietary, accessibility) are this registration's own.
        const typed: Record<string, unknown> = { ...(input.participant ?? {}) };
        const personPatch = Object.fromEntries(
          personFieldNames.filter((k) => k in typed).map((k) => [k, typed[k]]),
        ) as Partial<PersonFields>;
        const patch: Parameters<typeof updateRegistration>[3] = {
          ...Object.fromEntries(
            Object.entries(typed).filter(([k]) => !(personFieldNames as readonly string[]).includes(k)),
          ),
          ...(answers ? { answers } : {}),
        };
        if (patch.organisation !== undefined)
          patch.organisationId = await resolveOrganisation(
            uow.tx,
            patch.organisation,
            before.country,
            runtime.now(),
          );
        if (Object.keys(personPatch).length)
          await updatePerson(uow.tx, before.personId, personPatch, runtime.now());
        if (Object.keys(patch).length)
          await updateRegistration(uow.tx, before.id, null, { ...patch, updatedAt: runtime.now() });
        const optionsBefore = input.optionIds
          ? await changeOptions(runtime, uow, before, input.optionIds)
          : undefined;
        // The audit keeps each changed field's value before beside its value after.
        const previous = before as unknown as Record<string, unknown>;
        await recordAudit(uow.tx, caller, {
          eventId: before.eventId,
          action: 'registration.selfUpdate',
          objectType: 'registration',
          objectId: before.id,
          before: {
            ...Object.fromEntries(
              [...Object.keys(personPatch), ...Object.keys(patch)]
                .filter((k) => k !== 'organisationId')
                .map((k) => [k, (previous[k] ?? null) as never]),
            ),
            ...(optionsBefore ? { options: optionsBefore } : {}),
          },
          after: {
            ...personPatch,
            ...Object.fromEntries(Object.entries(patch).filter(([k]) => k !== 'organisationId')),
            ...(input.optionIds ? { options: input.optionIds } : {}),
          },
        });
      });
      return myView(runtime, caller);
    },

    async correctName(caller, input) {
      await correctMyName(runtime, caller, input);
      return myView(runtime, caller);
    },

    async cancel(caller, input) {
      const view = await myView(runtime, caller);
      if (!view.canCancel)
        throw new DomainError('INVALID_STATE', { key: 'cannotCancelHere' });
      await inTransaction(runtime, (uow) =>
        cancelRegistration(runtime, uow, caller.registrationId, {
          caller: asParticipant(caller),
          reason: input.reason,
          linkToken: caller.linkToken,
        }),
      );
      return myView(runtime, caller);
    },

    async acceptOffer(caller) {
      await inTransaction(runtime, async (uow) => {
        await lockWholeEvent(runtime, uow, caller.eventId);
        const row = await lockRegistration(uow.tx, caller.registrationId);
        const now = runtime.now();
        if (!row || row.status !== 'offered' || !row.offerExpiresAt || row.offerExpiresAt <= now) {
          throw new DomainError('INVALID_STATE', { key: 'noOpenOfferMayHaveExpired' });
        }
        const status = (await categoryRequiresApproval(uow.tx, row.categoryId)) ? 'pending' : 'confirmed';
        await moveRegistration(runtime, uow, row, {
          to: status,
          caller: asParticipant(caller),
          action: 'registration.acceptOffer',
          // The offer came by mail to this address: accepting it confirms the address too.
          set: { emailVerifiedAt: row.emailVerifiedAt ?? now, pendingProfile: null },
          linkToken: caller.linkToken,
        });
        if (!row.emailVerifiedAt) await verifyPersonEmail(uow.tx, row.personId, row.pendingProfile, now);
        // Its options were waiting with it; book the seats that are free.
        await fillFreedPlaces(runtime, uow, row.eventId);
      });
      return myView(runtime, caller);
    },

    async declineOffer(caller) {
      const view = await myView(runtime, caller);
      if (view.status !== 'offered')
        throw new DomainError('INVALID_STATE', { key: 'noOpenOffer' });
      await inTransaction(runtime, (uow) =>
        cancelRegistration(runtime, uow, caller.registrationId, {
          caller: asParticipant(caller),
          reason: 'Offer declined',
          linkToken: caller.linkToken,
        }),
      );
      return myView(runtime, caller);
    },
  };
}

/**
 * Replaces a registration's options (with lockWholeEvent held and the row
 * locked): dropped seats are handed on; a new option is booked only by a
 * registration that holds a place and only if a seat is free, otherwise it
 * waits at the end of the option's list (the list's own rule, capacity.ts).
 * A waiting registration's options wait with it: their seats are booked when
 * it gets its place. Returns the options before.
 */
async function changeOptions(
  runtime: Runtime,
  uow: UnitOfWork,
  registration: RegistrationRow,
  optionIds: string[],
): Promise<string[]> {
  await refuseConflictingOptions(uow.tx, registration.eventId, optionIds);
  const offered = optionIds.length ? await optionLimits(uow.tx, registration.eventId) : [];
  const wanted = offered.filter((o) => optionIds.includes(o.id));
  if (wanted.length !== new Set(optionIds).size)
    throw new DomainError('INVALID_INPUT', { key: 'optionNotOffered' }, {
      optionIds: ['Unknown option'],
    });
  const current = await choicesOf(uow.tx, registration.id);
  for (const c of current)
    if (!optionIds.includes(c.optionId)) await deleteChoice(uow.tx, registration.id, c.optionId);
  const now = runtime.now();
  const holdsAPlace =
    registration.status === 'pending' ||
    registration.status === 'confirmed' ||
    (registration.status === 'awaiting_payment' &&
      registration.paymentDueAt !== null &&
      registration.paymentDueAt > now) ||
    (registration.status === 'offered' && registration.offerExpiresAt !== null && registration.offerExpiresAt > now);
  // Seats left by the capacity module's rule, read under lockWholeEvent.
  const places = await readAvailability(uow.tx, registration.eventId, now);
  for (const o of wanted) {
    if (current.some((c) => c.optionId === o.id)) continue;
    const list = await optionWaitingList(uow.tx, o.id);
    // A free seat has no place-holder waiting for it (fillFreedPlaces hands seats on at once).
    const free = holdsAPlace && optionHasRoom(places, o.id);
    await insertChoice(uow.tx, {
      registrationId: registration.id,
      optionId: o.id,
      status: free ? 'booked' : 'waitlisted',
      waitlistRank: free ? null : joinWaitingList(list, now).rank,
    });
  }
  await fillFreedPlaces(runtime, uow, registration.eventId);
  return current.map((c) => c.optionId);
}
