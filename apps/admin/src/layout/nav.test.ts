import { describe, expect, it } from 'vitest';
import type { NavEntry } from '../router/feature';
import { navSections } from './nav';

const participants: NavEntry = {
  section: 'registration',
  routeName: 'event-participants',
  labelKey: 'participants.nav',
  icon: 'pi pi-id-card',
  audience: 'eventTeam',
  needs: 'registrations.list',
};
const team: NavEntry = {
  section: 'event',
  routeName: 'event-team',
  labelKey: 'team.nav',
  icon: 'pi pi-users',
  audience: 'eventTeam',
};
const routes = (sections: ReturnType<typeof navSections>) =>
  sections.flatMap((s) => s.entries.map((e) => e.routeName));
const base = { eventId: 'e1', canManageEvent: false, isPlatformAdmin: false };

describe('navSections', () => {
  it('hides an entry whose procedure the server refuses this user (a reviewer and the participant list)', () => {
    const may = (p: string) => p !== 'registrations.list';
    expect(routes(navSections([participants, team], { ...base, may }))).toEqual(['event-team']);
  });

  it('shows it when the server allows it', () => {
    expect(routes(navSections([participants, team], { ...base, may: () => true }))).toEqual([
      'event-team',
      'event-participants',
    ]);
  });

  it('falls back to the audience while the server has not answered', () => {
    expect(routes(navSections([participants], { ...base, may: () => null }))).toEqual(['event-participants']);
  });
});
