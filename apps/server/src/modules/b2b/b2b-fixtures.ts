import type { Actor, SaveProfileInput } from '@plenary/contracts';
import { tciEvent, type TestHarness } from '../../testing/harness';

type ProfileSpec = Partial<Omit<SaveProfileInput, 'eventId'>> & Pick<SaveProfileInput, 'side' | 'country'>;

/** A fair for a test: an event (Asia/Seoul), the fair's day 10:00-12:00 in 30-minute slots, three tables. */
export async function fairFixture(h: TestHarness, admin: Actor, slug: string) {
  const staff = h.caller(admin);
  const event = await staff.events.create({ ...tciEvent, slug });
  const fair = await staff.b2b.setUpFair({
    eventId: event.id,
    date: '2015-11-04',
    startTime: '10:00',
    endTime: '12:00',
    slotMinutes: 30,
    tables: ['A1', 'A2', 'A3'],
  });
  const eventId = event.id;
  /** A validated profile (unless submit/validate say otherwise). */
  async function profile(name: string, spec: ProfileSpec, validate = true) {
    const p = await staff.b2b.saveProfile({
      eventId,
      organisationName: name,
      products: [{ hsCode: '8708', description: 'auto parts', keywords: [] }],
      languages: ['en'],
      submit: true,
      ...spec,
    });
    return validate ? staff.b2b.setProfileStatus({ eventId, profileId: p.id, status: 'validated' }) : p;
  }
  return { staff, eventId, fair, profile };
}
