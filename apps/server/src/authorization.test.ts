import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { appRouter, eventRoles, type Access, type Actor, type EventRole, type Meta } from '@plenary/contracts';
import { totpCodeFor } from './modules/identity/totp';
import { insertMember } from './modules/team/team.repo';
import { createHarness, tciEvent, TEST_PASSWORD, type TestHarness } from './testing/harness';
import { MANAGE, TEAM } from './authorization/roles';
import { registrationAccess } from './authorization/registration';
import { partnerAccess } from './authorization/partners';
import { webhookAccess } from './authorization/webhooks';
import { deskAccess } from './authorization/desk';
import { exportAccess } from './authorization/exports';

/**
 * Every procedure in the router, enumerated from the router itself: a procedure
 * added without an access rule, or whose rule lets the wrong caller through,
 * fails here.
 */
type ProcedureEntry = { path: string; access: Access | undefined };
const procedures: ProcedureEntry[] = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>).map(
  ([path, proc]) => ({ path, access: proc._def.meta?.access }),
);

let h: TestHarness;
let eventA: string;
let admin: Actor;
let outsider: Actor;
let pending: Actor;
const members = {} as Record<EventRole, Actor>;

async function call(actor: Actor | null, path: string, input: unknown): Promise<TRPCError | null> {
  let target: unknown = h.caller(actor);
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  try {
    await (target as (i: unknown) => Promise<unknown>)(input);
    return null;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
}

async function callWith(secrets: { linkToken?: string; apiKey?: string }, path: string, input: unknown): Promise<TRPCError | null> {
  let target: unknown = h.caller(null, {}, secrets);
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  try {
    await (target as (i: unknown) => Promise<unknown>)(input);
    return null;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
}

/**
 * The permission matrix, written out by hand: changing who may call a procedure,
 * or adding one, means changing this table in the same commit, where a reviewer
 * sees it. The enforcement tests below then prove the rule is what runs.
 */
const expectedAccess: Record<string, string> = {
  ...registrationAccess,
  ...partnerAccess,
  ...webhookAccess,
  ...deskAccess,
  ...exportAccess,
  'auth.me': 'public',
  'auth.login': 'public',
  'auth.verifySecondFactor': 'pendingSecondFactor',
  'auth.logout': 'pendingSecondFactor',
  'auth.logoutEverywhere': 'signedIn',
  'auth.updateProfile': 'signedIn',
  'auth.changePassword': 'signedIn',
  'auth.startTotpEnrolment': 'signedIn',
  'auth.confirmTotpEnrolment': 'signedIn',
  'auth.regenerateRecoveryCodes': 'signedIn',
  'auth.disableTotp': 'signedIn',
  'auth.requestPasswordReset': 'public',
  'auth.resetPassword': 'public',
  'users.list': 'platformAdmin',
  'users.create': 'platformAdmin',
  'events.listMine': 'signedIn',
  'events.get': TEAM,
  'events.create': 'platformAdmin',
  'events.update': MANAGE,
  'events.transition': MANAGE,
  'portal.events': 'public',
  'portal.event': 'public',
  'team.list': TEAM,
  'team.invite': MANAGE,
  'team.changeRole': MANAGE,
  'team.remove': MANAGE,
  'team.revokeInvitation': MANAGE,
  'team.invitation': 'public',
  'team.acceptInvitation': 'public',
  'audit.list': MANAGE,
  'audit.listPlatform': 'platformAdmin',
  'mail.list': 'platformAdmin',
  'mail.get': 'platformAdmin',
  'jobs.list': 'platformAdmin',
};

function describeAccess(a: Access | undefined): string {
  if (!a) return 'none';
  if (a.kind === 'event') return `event:${a.roles.join(',')}`;
  if (a.kind === 'partner') return `partner:${a.scope}`;
  return a.kind;
}

const refused = (err: TRPCError | null) => err?.code === 'UNAUTHORIZED' || err?.code === 'FORBIDDEN';

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('platform@plenary.test', { platformAdmin: true });
  eventA = (await h.caller(admin).events.create(tciEvent)).id;
  const eventB = (await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-2016' })).id;
  for (const role of eventRoles) {
    members[role] = await h.signUp(`${role}@plenary.test`);
    await insertMember(h.runtime.db, { eventId: eventA, userId: members[role].userId, role });
  }
  outsider = await h.signUp('outsider@plenary.test');
  await insertMember(h.runtime.db, { eventId: eventB, userId: outsider.userId, role: 'owner' });
  // A user with TOTP on, signed in with the password only: second factor pending.
  const totpUser = await h.signUp('totp@plenary.test');
  const { secret } = await h.caller(totpUser).auth.startTotpEnrolment();
  await h.caller(totpUser).auth.confirmTotpEnrolment({ code: totpCodeFor(secret, h.runtime.now()) });
  const second = await h.signIn('totp@plenary.test', TEST_PASSWORD);
  expect(second.secondFactorRequired).toBe(true);
  pending = second.actor;
});
afterAll(() => h.close());

describe('authorization of every procedure', () => {
  it('finds the procedures, each with an access rule', () => {
    expect(procedures.length).toBeGreaterThan(30);
    const missing = procedures.filter((p) => !p.access).map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it('matches the reviewed permission matrix exactly', () => {
    const actual = Object.fromEntries(procedures.map((p) => [p.path, describeAccess(p.access)]));
    expect(actual).toEqual(expectedAccess);
  });

  for (const { path, access } of procedures) {
    if (!access) continue;
    const input = { eventId: '00000000-0000-4000-8000-000000000000' };

    if (access.kind === 'public') {
      it(`${path}: public, so an anonymous caller is not refused`, async () => {
        expect(refused(await call(null, path, { ...input, eventId: eventA }))).toBe(false);
      });
      continue;
    }

    it(`${path}: refuses an anonymous caller with UNAUTHORIZED`, async () => {
      expect((await call(null, path, { ...input, eventId: eventA }))?.code).toBe('UNAUTHORIZED');
    });

    if (access.kind === 'pendingSecondFactor') continue;

    if (access.kind === 'participant' || access.kind === 'delegationContact' || access.kind === 'partner') {
      it(`${path}: refuses a signed-in platform admin without a link or key`, async () => {
        expect((await call(admin, path, { eventId: eventA }))?.code).toBe('UNAUTHORIZED');
      });
      it(`${path}: refuses a made-up link or key`, async () => {
        const made = 'x'.repeat(43);
        expect((await callWith({ linkToken: made, apiKey: made }, path, { eventId: eventA }))?.code).toBe('UNAUTHORIZED');
      });
      continue;
    }

    it(`${path}: refuses a caller whose second factor is pending`, async () => {
      expect((await call(pending, path, { eventId: eventA }))?.code).toBe('UNAUTHORIZED');
    });

    if (access.kind === 'platformAdmin') {
      it(`${path}: refuses an event owner who is not a platform admin`, async () => {
        expect((await call(members.owner, path, { eventId: eventA }))?.code).toBe('FORBIDDEN');
      });
    }

    if (access.kind === 'event') {
      it(`${path}: refuses the owner of another event`, async () => {
        expect((await call(outsider, path, { eventId: eventA }))?.code).toBe('FORBIDDEN');
      });
      const denied = eventRoles.filter((r) => !access.roles.includes(r));
      for (const role of denied) {
        it(`${path}: refuses the role ${role}`, async () => {
          expect((await call(members[role], path, { eventId: eventA }))?.code).toBe('FORBIDDEN');
        });
      }
      const allowed = access.roles[access.roles.length - 1];
      if (allowed) {
        it(`${path}: lets the role ${allowed} through the access check`, async () => {
          expect(refused(await call(members[allowed], path, { eventId: eventA }))).toBe(false);
        });
      }
    }
  }
});
