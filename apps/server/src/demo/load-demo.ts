import { demoOrganisations } from './tci-2015-organisations';
import {
  appRouter,
  createCallerFactory,
  createEventInput,
  type Actor,
  type EventRole,
  type RequestInfo,
  type SessionCookie,
} from '@plenary/contracts';
import { and, desc, eq, schema } from '@plenary/db';
import type { Runtime } from '../core/runtime';
import { findUserByEmail } from '../modules/identity/identity.repo';
import { resolveSession } from '../modules/identity/sessions';
import { createUser } from '../modules/identity/users.service';
import { listMembers } from '../modules/team/team.repo';
import { createServices } from '../services';
import { emptyRegistrationReport, loadRegistration, type DemoRegistrationReport } from './load-registration';
// B2B export fair (issue 14).
import { loadB2bFair } from './tci-2015-b2b';
import { DEMO_PASSWORD, demoEvents, demoPeople, type DemoEvent, type DemoPerson } from './tci-2015';
// agreements (issue 13)
import { loadAgreements } from './tci-2015-agreements';
import { loadPapers } from './tci-2015-papers';

export interface DemoReport {
  /** What this run added; empty when the demo was already loaded. */
  created: {
    users: Array<{ id: string; email: string; displayName: string }>;
    events: Array<{ id: string; slug: string; status: string }>;
    memberships: Array<{ eventId: string; slug: string; userId: string; email: string; role: EventRole }>;
    /** The reference event's registration: setup, participants and the desk's follow-ups. */
    registration: DemoRegistrationReport;
  };
  /** Every demo event's id by slug, whether this run created it or found it. */
  eventIds: Record<string, string>;
  /** Events with this slug that were already there and not the demo's, left alone. */
  skippedEvents: string[];
  password: string;
  ownerEmail: string;
}

export class DemoError extends Error {}

const request: RequestInfo = {
  requestId: 'cli-demo',
  ip: '127.0.0.1',
  userAgent: 'plenary-cli demo',
  secure: false,
};

function cookieJar(): SessionCookie & { token: string | null } {
  const jar = {
    token: null as string | null,
    set: (token: string) => void (jar.token = token),
    clear: () => void (jar.token = null),
  };
  return jar;
}

async function findEventBySlug(runtime: Runtime, slug: string) {
  const [row] = await runtime.db
    .select({ id: schema.events.id, status: schema.events.status })
    .from(schema.events)
    .where(eq(schema.events.slug, slug));
  return row;
}

/** The link of the newest invitation mail to this person for this event: what they would click. */
async function invitationToken(runtime: Runtime, eventId: string, email: string): Promise<string> {
  const m = schema.mailOutbox;
  const [mail] = await runtime.db
    .select({ text: m.textBody })
    .from(m)
    .where(and(eq(m.template, 'teamInvitation'), eq(m.eventId, eventId), eq(m.toAddress, email)))
    .orderBy(desc(m.createdAt))
    .limit(1);
  const token = mail && /\/admin\/invitation\?token=([\w%-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no invitation mail to ${email} in the outbox`);
  return decodeURIComponent(token);
}

/**
 * Loads the reference event (tci-2015), its team and the next edition (tci-2016)
 * through the real services, so the audit log and the outbox show what happened:
 * accounts are created as "cli", the owner signs in and creates and publishes the
 * events, invites the team, and each invitee accepts the emailed link.
 * Idempotent: whatever exists is kept, only what is missing is added.
 */
export async function loadDemo(base: Runtime): Promise<DemoReport> {
  // The demo's people have example.org addresses: keep their mail in the outbox, never hand it to SMTP.
  const runtime: Runtime = { ...base, config: { ...base.config, smtpUrl: undefined } };
  const services = createServices(runtime);
  const factory = createCallerFactory(appRouter);
  const api = (actor: Actor | null, session: SessionCookie = cookieJar()) =>
    factory({ services, actor, request, session });
  const report: DemoReport = {
    created: { users: [], events: [], memberships: [], registration: emptyRegistrationReport() },
    eventIds: {},
    skippedEvents: [],
    password: DEMO_PASSWORD,
    ownerEmail: demoPeople.owner.email,
  };

  const userIds = new Map<string, string>();
  for (const person of Object.values(demoPeople)) {
    const existing = await findUserByEmail(runtime.db, person.email);
    if (existing) {
      userIds.set(person.email, existing.id);
      continue;
    }
    const user = await createUser(runtime, 'cli', {
      ...person,
      password: DEMO_PASSWORD,
      isPlatformAdmin: false,
    });
    userIds.set(person.email, user.id);
    report.created.users.push({ id: user.id, email: user.email, displayName: user.displayName });
  }

  // Demo people sign in (a real session) only if there is something to do, so a
  // re-run after someone changed a demo password still succeeds.
  const sessions = new Map<string, Promise<{ actor: Actor; cookie: SessionCookie }>>();
  const signIn = async (person: DemoPerson, what: string) => {
    const cookie = cookieJar();
    const login = await api(null, cookie)
      .auth.login({ email: person.email, password: DEMO_PASSWORD })
      .catch(() => null);
    const actor =
      login && !login.secondFactorRequired ? await resolveSession(runtime, cookie.token ?? undefined) : null;
    if (!actor) {
      throw new DemoError(
        `The demo ${what} ${person.email} cannot sign in with the demo password any more; the demo cannot add what is missing.`,
      );
    }
    return { actor, cookie };
  };
  const sessionOf = (person: DemoPerson, what: string) => {
    let session = sessions.get(person.email);
    if (!session) sessions.set(person.email, (session = signIn(person, what)));
    return session;
  };
  const ownerActor = async () => (await sessionOf(demoPeople.owner, 'owner')).actor;
  const asOwner = async () => {
    const { actor, cookie } = await sessionOf(demoPeople.owner, 'owner');
    return api(actor, cookie);
  };
  const asDesk = async () => {
    const { actor, cookie } = await sessionOf(demoPeople.registrationDesk, 'registration desk');
    return api(actor, cookie);
  };

  try {
    await loadOrganisations();
    for (const spec of demoEvents) await loadEvent(spec);
  } finally {
    for (const pending of sessions.values()) {
      const session = await pending.catch(() => undefined);
      if (session) await api(session.actor, session.cookie).auth.logout();
    }
  }
  return report;

  /** The reference event's organisations, named in both languages; a name already taken is left alone. */
  async function loadOrganisations() {
    const caller = { actor: await ownerActor(), request };
    for (const input of demoOrganisations) {
      const known = await services.organisations.list(caller, {
        search: input.name.en ?? input.name.ko ?? '',
        limit: 1,
        offset: 0,
      });
      if (known.total === 0) await services.organisations.create(caller, input);
    }
  }

  async function loadEvent(spec: DemoEvent) {
    const { slug } = spec.input;
    let event = await findEventBySlug(runtime, slug);
    if (!event) {
      // Creating an event is a platform administrator's act, and the router lets no
      // one else do it. The CLI is the operator's (who could make themselves an
      // admin with create-admin), so it asks the events service directly to create
      // the event for the owner; the audit entry names the owner, request cli-demo.
      const created = await services.events.create(
        { actor: await ownerActor(), request },
        createEventInput.parse(spec.input),
      );
      event = { id: created.id, status: created.status };
      if (spec.publish)
        event.status = (
          await (await asOwner()).events.transition({ eventId: created.id, to: 'publish' })
        ).status;
      report.created.events.push({ id: event.id, slug, status: event.status });
      const { email } = demoPeople.owner;
      report.created.memberships.push({
        eventId: event.id,
        slug,
        userId: userIds.get(email) ?? '',
        email,
        role: 'owner',
      });
    }
    const eventId = event.id;
    report.eventIds[slug] = eventId;
    const members = new Map((await listMembers(runtime.db, eventId)).map((m) => [m.email, m.role]));
    if (members.get(demoPeople.owner.email) !== 'owner') {
      report.skippedEvents.push(slug);
      return;
    }
    for (const { person, role } of spec.team) {
      if (members.has(person.email)) continue;
      await addToTeam(eventId, slug, person, role);
    }
    if (spec.registration)
      report.created.registration = await loadRegistration(runtime, eventId, asOwner, asDesk);
    // B2B export fair (issue 14): the reference event's fair, once.
    if (spec.registration) await loadB2bFair(await asOwner(), eventId);
    // agreements (issue 13): the reference event's MOU and joint declaration.
    if (spec.registration) await loadAgreements(runtime, services, eventId, await asOwner(), request);
    // papers (issue 11): the reference event's call for papers and its 90 submissions.
    if (spec.registration)
      await loadPapers(runtime, services, { actor: await ownerActor(), request, eventId, role: 'owner' });
  }

  async function addToTeam(eventId: string, slug: string, person: DemoPerson, role: EventRole) {
    await (await asOwner()).team.invite({ eventId, email: person.email, role });
    // The invitee follows the emailed link; their account exists, so no new session starts.
    await api(null).team.acceptInvitation({ token: await invitationToken(runtime, eventId, person.email) });
    report.created.memberships.push({
      eventId,
      slug,
      userId: userIds.get(person.email) ?? '',
      email: person.email,
      role,
    });
  }
}
