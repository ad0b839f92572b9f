import { and, asc, eq, notInArray, schema } from '@plenary/db';
import { addRegistrationLink } from './links';
import {
  checkAnswers,
  type FormQuestion,
  DomainError,
  type MyRegistrationDto,
  type ParticipantCaller,
  type Services,
} from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { recordWebhookEvent } from '../webhooks/webhook-outbox';
import { countByCategory, countByOption, countCodeUses, countReserved, placesHeldBack } from './capacity';
import { mailParticipant, registrationLink } from './mails';
import { placeRegistration } from './placement-batcher';
import { cancelRegistration, fillFreedPlaces, lockWholeEvent } from './promotion';
import { loadRegistrationDto } from './registration.dto';
import { uploadFile } from './uploads';
import { webhookData } from './webhook-data';

const {
  events,
  registrationSettings,
  registrationCategories: categories,
  registrationOptions: options,
  invitationCodes,
  consentVersions,
  registrations,
  registrationChoices,
  visaLetterRequests,
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
        throw new DomainError('NOT_FOUND', 'No published event has this id');
      const [settings] = await runtime.db
        .select()
        .from(registrationSettings)
        .where(eq(registrationSettings.eventId, event.id));
      let code: typeof invitationCodes.$inferSelect | undefined;
      let codeState: { valid: boolean; reason: 'unknown' | 'expired' | 'used_up' | null } | null = null;
      if (input.invitationCode) {
        [code] = await runtime.db
          .select()
          .from(invitationCodes)
          .where(and(eq(invitationCodes.eventId, event.id), eq(invitationCodes.code, input.invitationCode)));
        if (!code || code.revokedAt) codeState = { valid: false, reason: 'unknown' };
        else if (code.expiresAt && code.expiresAt <= now) codeState = { valid: false, reason: 'expired' };
        else if (((await countCodeUses(runtime.db, event.id)).get(code.id) ?? 0) >= code.maxUses)
          codeState = { valid: false, reason: 'used_up' };
        else codeState = { valid: true, reason: null };
        // To the public, unknown, expired and used-up look alike: a guesser must not learn
        // that a code exists (the organiser sees why in the console).
        if (!codeState.valid) {
          code = undefined;
          codeState = { valid: false, reason: 'unknown' };
        }
      }
      const cats = await runtime.db
        .select()
        .from(categories)
        .where(eq(categories.eventId, event.id))
        .orderBy(asc(categories.position), asc(categories.code));
      const counts = await countByCategory(runtime.db, event.id, now);
      const reserved = await countReserved(runtime.db, event.id, now);
      const opts = await runtime.db
        .select()
        .from(options)
        .where(eq(options.eventId, event.id))
        .orderBy(asc(options.position), asc(options.code));
      const optionCounts = await countByOption(runtime.db, event.id, now);
      const shown = cats.filter((c) => c.visibility === 'public' || c.id === code?.categoryId);
      const categoryViews = shown.map((c) => {
        const held = placesHeldBack(reserved, c.id, c.id === code?.categoryId ? code.id : null);
        const open = (!c.opensAt || c.opensAt <= now) && (!c.closesAt || now < c.closesAt);
        return {
          id: c.id,
          label: c.label,
          description: c.description,
          requiresApproval: c.requiresApproval,
          feeAmount: c.feeAmount,
          feeCurrency: c.feeCurrency,
          open,
          full: c.capacity !== null && (counts.get(c.id)?.taken ?? 0) + held >= c.capacity,
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
          full: o.capacity !== null && (optionCounts.get(o.id)?.booked ?? 0) >= o.capacity,
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

    async register(caller, input) {
      const { eventId, consents, ...request } = input;
      const placed = await placeRegistration(runtime, eventId, request, {
        source: 'portal',
        partnerId: null,
        caller,
        emailVerified: false,
        approve: false,
        consents: [],
        consentsGiven: consents,
        ignoreOpeningDates: false,
      });
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
      // Says nothing about whether the address is registered: the answer is the same either way.
      await inTransaction(runtime, async (uow) => {
        const [row] = await uow.tx
          .select()
          .from(registrations)
          .where(
            and(
              eq(registrations.eventId, input.eventId),
              eq(registrations.email, input.email),
              notInArray(registrations.status, ['cancelled', 'rejected']),
            ),
          );
        if (!row) return;
        // A new link beside the old one (only hashes are kept, so the old cannot be sent
        // again): a stranger asking for a resend must not end the participant's link.
        const token = await addRegistrationLink(uow.tx, row.id);
        const [event] = await uow.tx
          .select({ title: events.title })
          .from(events)
          .where(eq(events.id, row.eventId));
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
    },
  };
}

async function myView(runtime: Runtime, caller: ParticipantCaller): Promise<MyRegistrationDto> {
  const dto = await loadRegistrationDto(runtime.db, caller.registrationId, runtime.now());
  if (!dto) throw new DomainError('NOT_FOUND', 'No such registration');
  const [event] = await runtime.db.select().from(events).where(eq(events.id, dto.eventId));
  if (!event) throw new DomainError('NOT_FOUND', 'No such event');
  const [settings] = await runtime.db
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.eventId, dto.eventId));
  const [row] = await runtime.db
    .select({ ticketCode: registrations.ticketCode })
    .from(registrations)
    .where(eq(registrations.id, dto.id));
  const [visa] = await runtime.db
    .select({ status: visaLetterRequests.status, decisionReason: visaLetterRequests.decisionReason })
    .from(visaLetterRequests)
    .where(eq(visaLetterRequests.registrationId, dto.id));
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
    ticketCode: dto.status === 'confirmed' ? (row?.ticketCode ?? null) : null,
    editableFields: live
      ? (settings?.editableFields ?? ['phone', 'dietary', 'accessibility', 'jobTitle'])
      : [],
    canCancel: live && (settings?.allowSelfCancel ?? true) && !dto.checkedInAt,
    checkedIn: dto.checkedInAt !== null,
    visaLetter: visa ?? null,
    visaLettersEnabled: settings?.visaLettersEnabled ?? true,
  } as MyRegistrationDto;
}

const participantLabel = (email: string) => `participant: ${email}`;

export function createMyRegistrationService(runtime: Runtime): Services['myRegistration'] {
  return {
    get: (caller) => myView(runtime, caller),

    async verifyEmail(caller) {
      await inTransaction(runtime, async (uow) => {
        const [row] = await uow.tx
          .select()
          .from(registrations)
          .where(eq(registrations.id, caller.registrationId))
          .for('update');
        if (!row || row.emailVerifiedAt || row.status === 'cancelled' || row.status === 'rejected') return;
        const now = runtime.now();
        await uow.tx
          .update(registrations)
          .set({ emailVerifiedAt: now, updatedAt: now })
          .where(eq(registrations.id, row.id));
        await recordAudit(uow.tx, caller as never, {
          eventId: row.eventId,
          action: 'registration.verifyEmail',
          objectType: 'registration',
          objectId: row.id,
          after: { emailVerified: true },
          actorLabel: participantLabel(row.email),
        });
        const [event] = await uow.tx
          .select({ title: events.title })
          .from(events)
          .where(eq(events.id, row.eventId));
        const dto = await loadRegistrationDto(uow.tx, row.id, now);
        const kind =
          row.status === 'waitlisted'
            ? 'waitlisted'
            : row.status === 'pending'
              ? 'pending'
              : row.status === 'offered'
                ? 'offer'
                : 'confirmed';
        await mailParticipant(
          runtime,
          uow,
          kind,
          { email: row.email, locale: row.locale, eventId: row.eventId },
          {
            eventTitle: event?.title ?? {},
            name: `${row.givenName} ${row.familyName}`,
            reference: row.reference,
            link: registrationLink(runtime, caller.linkToken),
            waitlistPosition: dto?.waitlistPosition ?? null,
            offerDeadline: row.offerExpiresAt?.toISOString().slice(0, 16).replace('T', ' ') ?? null,
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
        throw new DomainError('FORBIDDEN', 'Some of these fields cannot be changed', errors);
      await inTransaction(runtime, async (uow) => {
        const [before] = await uow.tx
          .select()
          .from(registrations)
          .where(eq(registrations.id, caller.registrationId))
          .for('update');
        if (!before) throw new DomainError('NOT_FOUND', 'No such registration');
        let answers: Record<string, unknown> | undefined;
        if (input.answers) {
          // The same check as at registration: only offered answers, required ones given.
          const [settings] = await uow.tx
            .select({ questions: registrationSettings.questions })
            .from(registrationSettings)
            .where(eq(registrationSettings.eventId, before.eventId));
          const questions = (settings?.questions ?? []) as FormQuestion[];
          const { errors, kept } = checkAnswers(questions, input.answers);
          if (Object.keys(errors).length)
            throw new DomainError(
              'INVALID_INPUT',
              'Some answers are not valid: ' + Object.keys(errors).join(', '),
              errors,
            );
          answers = kept;
        }
        const patch = { ...(input.participant ?? {}), ...(answers ? { answers } : {}) };
        if (Object.keys(patch).length)
          await uow.tx
            .update(registrations)
            .set({ ...patch, updatedAt: runtime.now() })
            .where(eq(registrations.id, before.id));
        if (input.optionIds) await changeOptions(runtime, uow, before.eventId, before.id, input.optionIds);
        await recordAudit(uow.tx, 'system', {
          eventId: before.eventId,
          action: 'registration.selfUpdate',
          objectType: 'registration',
          objectId: before.id,
          after: { ...patch, ...(input.optionIds ? { options: input.optionIds } : {}) },
          actorLabel: participantLabel(before.email),
        });
      });
      return myView(runtime, caller);
    },

    async cancel(caller, input) {
      const view = await myView(runtime, caller);
      if (!view.canCancel)
        throw new DomainError(
          'INVALID_STATE',
          'This registration cannot be cancelled here: contact the organisers',
        );
      await inTransaction(runtime, (uow) =>
        cancelRegistration(runtime, uow, caller.registrationId, {
          caller: 'system',
          reason: input.reason,
          actorLabel: participantLabel(view.participant.email),
        }),
      );
      return myView(runtime, caller);
    },

    async acceptOffer(caller) {
      await inTransaction(runtime, async (uow) => {
        await lockWholeEvent(runtime, uow, caller.eventId);
        const [row] = await uow.tx
          .select()
          .from(registrations)
          .where(eq(registrations.id, caller.registrationId))
          .for('update');
        const now = runtime.now();
        if (!row || row.status !== 'offered' || !row.offerExpiresAt || row.offerExpiresAt <= now) {
          throw new DomainError(
            'INVALID_STATE',
            'There is no open offer for this registration (it may have expired)',
          );
        }
        const [category] = await uow.tx
          .select({ requiresApproval: categories.requiresApproval })
          .from(categories)
          .where(eq(categories.id, row.categoryId));
        const status = category?.requiresApproval ? 'pending' : 'confirmed';
        const [after] = await uow.tx
          .update(registrations)
          .set({
            status,
            confirmedAt: status === 'confirmed' ? now : null,
            offerExpiresAt: null,
            updatedAt: now,
            emailVerifiedAt: row.emailVerifiedAt ?? now,
          })
          .where(eq(registrations.id, row.id))
          .returning();
        if (!after) throw new Error('update returned nothing');
        await recordAudit(uow.tx, 'system', {
          eventId: row.eventId,
          action: 'registration.acceptOffer',
          objectType: 'registration',
          objectId: row.id,
          before: { status: 'offered' },
          after: { status },
          actorLabel: participantLabel(row.email),
        });
        if (status === 'confirmed')
          await recordWebhookEvent(runtime, uow, {
            partnerId: after.partnerId,
            type: 'registration.confirmed',
            registration: webhookData(after),
          });
        // Its options were waiting with it; book the seats that are free.
        await fillFreedPlaces(runtime, uow, row.eventId);
        const [event] = await uow.tx
          .select({ title: events.title })
          .from(events)
          .where(eq(events.id, row.eventId));
        await mailParticipant(
          runtime,
          uow,
          status,
          { email: row.email, locale: row.locale, eventId: row.eventId },
          {
            eventTitle: event?.title ?? {},
            name: `${row.givenName} ${row.familyName}`,
            reference: row.reference,
            link: registrationLink(runtime, caller.linkToken),
          },
        );
      });
      return myView(runtime, caller);
    },

    async declineOffer(caller) {
      const view = await myView(runtime, caller);
      if (view.status !== 'offered')
        throw new DomainError('INVALID_STATE', 'There is no open offer for this registration');
      await inTransaction(runtime, (uow) =>
        cancelRegistration(runtime, uow, caller.registrationId, {
          caller: 'system',
          reason: 'Offer declined',
          actorLabel: participantLabel(view.participant.email),
        }),
      );
      return myView(runtime, caller);
    },
  };
}

/** Replaces a registration's options: dropped seats are handed on, new ones booked if free. */
async function changeOptions(
  runtime: Runtime,
  uow: Parameters<typeof lockWholeEvent>[1],
  eventId: string,
  registrationId: string,
  optionIds: string[],
) {
  await lockWholeEvent(runtime, uow, eventId);
  const valid = optionIds.length
    ? await uow.tx
        .select({ id: options.id, capacity: options.capacity })
        .from(options)
        .where(eq(options.eventId, eventId))
    : [];
  const wanted = valid.filter((o) => optionIds.includes(o.id));
  if (wanted.length !== optionIds.length)
    throw new DomainError('INVALID_INPUT', 'An option is not offered at this event', {
      optionIds: ['Unknown option'],
    });
  const current = await uow.tx
    .select()
    .from(registrationChoices)
    .where(eq(registrationChoices.registrationId, registrationId));
  for (const c of current)
    if (!optionIds.includes(c.optionId))
      await uow.tx
        .delete(registrationChoices)
        .where(
          and(
            eq(registrationChoices.registrationId, registrationId),
            eq(registrationChoices.optionId, c.optionId),
          ),
        );
  const counts = await countByOption(uow.tx, eventId, runtime.now());
  for (const o of wanted) {
    if (current.some((c) => c.optionId === o.id)) continue;
    const free = o.capacity === null || (counts.get(o.id)?.booked ?? 0) < o.capacity;
    await uow.tx.insert(registrationChoices).values({
      registrationId,
      optionId: o.id,
      status: free ? 'booked' : 'waitlisted',
      waitlistRank: free ? null : runtime.now().getTime() * 1000,
    });
  }
  await fillFreedPlaces(runtime, uow, eventId);
}
