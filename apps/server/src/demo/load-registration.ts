import type { appRouter } from '@plenary/contracts';
import { eq, schema as s, sql } from '@plenary/db';
import type { Runtime } from '../core/runtime';
import { demoParticipants, type DemoParticipant } from './tci-2015-participants';
import * as setup from './tci-2015-registration';

/** The router as a signed-in demo person calls it. */
export type DemoCaller = ReturnType<typeof appRouter.createCaller>;

/** What one run added to the reference event's registration (all zero when it was there). */
export interface DemoRegistrationReport {
  settings: number;
  categories: number;
  options: number;
  invitationCodes: number;
  consents: number;
  delegations: number;
  participants: number;
  /** The desk's follow-ups on this run's participants. */
  cancelled: number;
  payments: number;
  checkIns: number;
}

export const emptyRegistrationReport = (): DemoRegistrationReport => ({
  settings: 0,
  categories: 0,
  options: 0,
  invitationCodes: 0,
  consents: 0,
  delegations: 0,
  participants: 0,
  cancelled: 0,
  payments: 0,
  checkIns: 0,
});

/** What the event already has, read from the tables so a re-run signs no one in. */
async function existing(runtime: Runtime, eventId: string) {
  const { db } = runtime;
  const [settings, categories, options, codes, consents, delegations, registrations] = await Promise.all([
    db
      .select({ id: s.registrationSettings.eventId })
      .from(s.registrationSettings)
      .where(eq(s.registrationSettings.eventId, eventId)),
    db
      .select({ id: s.registrationCategories.id, code: s.registrationCategories.code })
      .from(s.registrationCategories)
      .where(eq(s.registrationCategories.eventId, eventId)),
    db
      .select({ id: s.registrationOptions.id, code: s.registrationOptions.code })
      .from(s.registrationOptions)
      .where(eq(s.registrationOptions.eventId, eventId)),
    db
      .select({ code: s.invitationCodes.code })
      .from(s.invitationCodes)
      .where(eq(s.invitationCodes.eventId, eventId)),
    db
      .select({ kind: s.consentVersions.kind })
      .from(s.consentVersions)
      .where(eq(s.consentVersions.eventId, eventId)),
    db.select({ name: s.delegations.name }).from(s.delegations).where(eq(s.delegations.eventId, eventId)),
    db
      .select({ email: s.persons.email })
      .from(s.registrations)
      .innerJoin(s.persons, eq(s.persons.id, s.registrations.personId))
      .where(eq(s.registrations.eventId, eventId)),
  ]);
  return {
    settings: settings.length > 0,
    categoryIds: new Map(categories.map((c) => [c.code, c.id])),
    optionIds: new Map(options.map((o) => [o.code, o.id])),
    codes: new Set(codes.map((c) => c.code)),
    consentKinds: new Set(consents.map((c) => c.kind)),
    delegations: new Set(delegations.map((d) => d.name)),
    emails: new Set(registrations.map((r) => r.email)),
  };
}

/**
 * Sets registration up as at the reference event (the owner), then registers the
 * sample participants and the ministry's delegation at the desk (the registration
 * desk's staff member), all through the router as the admin console would. The
 * desk sends no confirmation mails for what it types in; the delegation's contact
 * and members get theirs (the service always mails a delegation), captured in the
 * outbox. Idempotent like the rest of the demo: only what is missing is added.
 */
export async function loadRegistration(
  runtime: Runtime,
  eventId: string,
  asOwner: () => Promise<DemoCaller>,
  asDesk: () => Promise<DemoCaller>,
): Promise<DemoRegistrationReport> {
  const report = emptyRegistrationReport();
  const have = await existing(runtime, eventId);

  // The owner's part: the rules, the form, categories, options, the code, the consent texts.
  if (!have.settings) {
    const owner = await asOwner();
    await owner.registrationSetup.updateSettings({
      eventId,
      ...setup.registrationSettings,
      editableFields: [...setup.registrationSettings.editableFields],
    });
    await owner.registrationSetup.updateForm({
      eventId,
      standardFields: setup.standardFields,
      questions: setup.questions.map((q) => ({ help: {}, ...q })),
    });
    report.settings = 1;
  }
  for (const [position, c] of setup.categories.entries()) {
    if (have.categoryIds.has(c.code)) continue;
    const { participants: _participants, ...fields } = c;
    const created = await (
      await asOwner()
    ).registrationSetup.createCategory({
      eventId,
      ...fields,
      feeCurrency: c.feeAmount === null ? null : 'KRW',
      position,
    });
    have.categoryIds.set(c.code, created.id);
    report.categories += 1;
  }
  const categoryOf = (code: string) => have.categoryIds.get(code) ?? '';
  for (const [position, o] of setup.options.entries()) {
    if (have.optionIds.has(o.code)) continue;
    const created = await (await asOwner()).registrationSetup.createOption({ eventId, ...o, position });
    have.optionIds.set(o.code, created.id);
    report.options += 1;
  }
  const optionsOf = (codes: string[]) => codes.map((c) => have.optionIds.get(c) ?? '');
  if (!have.codes.has(setup.delegationCode.code)) {
    const { categoryCode, ...code } = setup.delegationCode;
    await (
      await asOwner()
    ).registrationSetup.createCode({ eventId, ...code, categoryId: categoryOf(categoryCode) });
    report.invitationCodes += 1;
  }
  for (const c of setup.consents) {
    if (have.consentKinds.has(c.kind)) continue;
    await (await asOwner()).registrationSetup.publishConsent({ eventId, ...c });
    report.consents += 1;
  }

  // The demo's people accepted the current texts when they phoned in: the desk ticks them.
  const accepted = (await (await asOwner()).registrationSetup.consents({ eventId }))
    .filter((c) => c.current)
    .map((c) => ({ kind: c.kind, version: c.version }));
  // The desk's part: the delegation first (it registered early), then everyone else.
  const { individuals, delegates } = demoParticipants();
  let delegateIds: string[] = [];
  const added: Array<{ id: string; person: DemoParticipant }> = [];
  if (!have.delegations.has(setup.delegation.name)) {
    const delegation = await (
      await asDesk()
    ).delegations.create({
      eventId,
      name: setup.delegation.name,
      contactName: setup.delegation.contactName,
      contactEmail: setup.delegation.contactEmail,
      categoryId: categoryOf(setup.delegationCode.categoryCode),
      invitationCode: setup.delegationCode.code,
      optionIds: optionsOf(setup.delegation.optionCodes),
      locale: 'en',
      members: delegates.map((d) => ({ participant: d.participant, answers: d.answers, consents: accepted })),
    });
    report.delegations = 1;
    delegateIds = delegation.members.map((m) => m.registrationId);
  }
  for (const person of individuals) {
    if (have.emails.has(person.participant.email)) continue;
    const registration = await (
      await asDesk()
    ).registrations.create({
      eventId,
      categoryId: categoryOf(person.categoryCode),
      participant: person.participant,
      optionIds: optionsOf(person.optionCodes),
      answers: person.answers,
      locale: person.locale,
      consents: accepted,
      approve: person.approve,
      sendConfirmation: false,
    });
    added.push({ id: registration.id, person });
  }
  report.participants = added.length;
  // The ministry's delegation registered in the middle of the season.
  const half = Math.floor(added.length / 2);
  const dated = [
    ...added.slice(0, half).map((a) => a.id),
    ...delegateIds,
    ...added.slice(half).map((a) => a.id),
  ];
  if (dated.length) await dateAsTheyCame(runtime, eventId, dated);

  // Afterwards, as the desk would over the following weeks.
  let receipt = 0;
  for (const { id: registrationId, person } of added) {
    const desk = await asDesk();
    switch (person.afterwards) {
      case 'cancel':
        await desk.registrations.cancel({
          eventId,
          registrationId,
          reason: 'Cannot travel: asked by email to cancel',
        });
        report.cancelled += 1;
        break;
      case 'paid':
      case 'waived':
        receipt += 1;
        await desk.registrations.setPayment({
          eventId,
          registrationId,
          paymentStatus: person.afterwards,
          paymentReference:
            person.afterwards === 'paid'
              ? `KICOX-TT-2015-${String(receipt).padStart(3, '0')}`
              : 'Sponsor of the corporate marketing pavilion',
        });
        report.payments += 1;
        break;
      case 'checkIn':
        await desk.checkIn.checkIn({ eventId, registrationId });
        report.checkIns += 1;
        break;
      case null:
        break;
    }
  }
  return report;
}

/**
 * The demo registers everyone in a few seconds; the reference event took them over
 * the ten weeks before it opened, slowly at first and most in the last weeks. The
 * rows are dated that way (in the order they were made) so the dashboard's
 * "registrations per day" shows a season rather than one day.
 */
async function dateAsTheyCame(runtime: Runtime, eventId: string, ids: string[]): Promise<void> {
  const [event] = await runtime.db
    .select({ startsAt: s.events.startsAt })
    .from(s.events)
    .where(eq(s.events.id, eventId));
  if (!event) return;
  const opened = event.startsAt.getTime() - 70 * 86_400_000;
  const span = 66 * 86_400_000;
  for (const [i, id] of ids.entries()) {
    const at = new Date(opened + span * Math.sqrt((i + 1) / ids.length));
    await runtime.db
      .update(s.registrations)
      .set({
        createdAt: at,
        updatedAt: at,
        confirmedAt: sql`case when ${s.registrations.confirmedAt} is null then null else ${at.toISOString()}::timestamptz end`,
      })
      .where(eq(s.registrations.id, id));
  }
}
