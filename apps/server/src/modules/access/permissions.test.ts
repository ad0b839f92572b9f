import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { createHarness, tciEvent, type TestHarness } from '../../testing/harness';
import { insertMember } from '../team/team.repo';

/**
 * auth.permissions answers, per role, what the admin may show: the areas are
 * written out here by hand (from the access matrix), so a change of a rule in
 * the router shows up as a change of what each role sees.
 */
let h: TestHarness;
let admin: Actor;
let eventId: string;
const members = new Map<string, Actor>();

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('platform@plenary.test', { platformAdmin: true });
  eventId = (await h.caller(admin).events.create(tciEvent)).id;
  for (const role of ['owner', 'admin', 'staff', 'program_chair', 'reviewer', 'b2b_coordinator'] as const) {
    const member = await h.signUp(`${role}@plenary.test`);
    await insertMember(h.runtime.db, { eventId, userId: member.userId, role });
    members.set(role, member);
  }
});
afterAll(() => h.close());

const teamAreas = ['auth', 'events', 'registrationSetup', 'team'];
const deskAreas = ['checkIn', 'delegations', 'documents', 'exports', 'registrations', 'visa'];
// The mail log is the platform admin's; an event's owners and admins word its mails
// (mail.eventTemplates, previewOverride, saveOverride, ...), so "mail" is an area of theirs.
const programmeAreas = ['decisions', 'papers', 'review'];
const organiserAreas = ['agreements', 'agreementSigning', 'b2b'];
const manageAreas = ['audit', 'mail', 'partners', 'webhooks'];

describe('auth.permissions', () => {
  it.each([
    ['owner', [...teamAreas, ...deskAreas, ...manageAreas, ...organiserAreas, ...programmeAreas, 'b2bSchedule']],
    ['admin', [...teamAreas, ...deskAreas, ...manageAreas, ...organiserAreas, ...programmeAreas, 'b2bSchedule']],
    ['staff', [...teamAreas, ...deskAreas, ...organiserAreas]],
    // The organisers who read agreements follow their signing too (agreementSigning.envelope).
    ['program_chair', [...teamAreas, 'agreements', 'agreementSigning', ...programmeAreas]],
    // Reviewers see no agreements: MOU drafts are not an outside academic's to read.
    ['reviewer', [...teamAreas, 'reviewing']],
    ['b2b_coordinator', [...teamAreas, ...organiserAreas, 'b2bSchedule']],
  ])('%s sees exactly its areas', async (role, areas) => {
    const got = await h.caller(members.get(role)!).auth.permissions({ eventId });
    expect({ role: got.role, isPlatformAdmin: got.isPlatformAdmin, areas: got.areas }).toEqual({
      role,
      isPlatformAdmin: false,
      areas: [...areas].sort(),
    });
  });

  it('a reviewer may not list participants or use the desk; staff may, but not change the form', async () => {
    const reviewer = await h.caller(members.get('reviewer')!).auth.permissions({ eventId });
    expect(reviewer.procedures.filter((p) => /^(registrations|checkIn)\./.test(p))).toEqual([]);
    const staff = await h.caller(members.get('staff')!).auth.permissions({ eventId });
    expect(['registrations.list', 'checkIn.scan'].every((p) => staff.procedures.includes(p))).toBe(true);
    expect(staff.procedures.includes('registrationSetup.updateForm')).toBe(false);
  });

  it('a platform admin outside the team has every event procedure and the platform ones', async () => {
    const outsider = await h.signUp('operator@plenary.test', { platformAdmin: true });
    const got = await h.caller(outsider).auth.permissions({ eventId });
    expect(got.role).toBe(null);
    expect(got.procedures).toContain('users.create');
    expect(got.procedures).toContain('registrations.list');
    expect(got.areas).toContain('users');
  });
});
