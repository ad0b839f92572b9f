import { insertPersonForTest } from '../people/people.repo';
import { schema } from '@plenary/db';
import type { RegistrationStatus } from '@plenary/db/schema';
import type { TestHarness } from '../../testing/harness';

let seq = 0;

/**
 * Registration rows written straight to the table: registration itself is
 * another module, and these tests only need rows to count.
 */
export async function addRegistration(
  h: TestHarness,
  r: {
    eventId: string;
    categoryId: string;
    status: RegistrationStatus;
    offerExpiresAt?: Date;
    invitationCodeId?: string;
    waitlistRank?: number;
    optionIds?: Array<{ optionId: string; status: 'booked' | 'waitlisted'; waitlistRank?: number }>;
  },
): Promise<string> {
  seq += 1;
  const [row] = await h.runtime.db
    .insert(schema.registrations)
    .values({
      eventId: r.eventId,
      categoryId: r.categoryId,
      reference: `R${String(seq).padStart(4, '0')}-TEST`,
      status: r.status,
      source: 'staff',
      personId: await insertPersonForTest(h.runtime.db, {
        email: `delegate${seq}-${Date.now()}@example.org`,
        givenName: 'Minho',
        familyName: 'Kim',
        country: 'KR',
      }),
      organisation: 'Daegu Technopark',
      manageTokenHash: `manage-${seq}`,
      ticketCode: `ticket-${seq}`,
      offerExpiresAt: r.offerExpiresAt ?? null,
      invitationCodeId: r.invitationCodeId ?? null,
      waitlistRank: r.waitlistRank ?? null,
    })
    .returning({ id: schema.registrations.id });
  if (!row) throw new Error('registration insert returned nothing');
  for (const choice of r.optionIds ?? []) {
    await h.runtime.db.insert(schema.registrationChoices).values({
      registrationId: row.id,
      optionId: choice.optionId,
      status: choice.status,
      waitlistRank: choice.waitlistRank ?? null,
    });
  }
  return row.id;
}

/** The reference event's government category (see REFERENCE-EVENT.md). */
export const governmentCategory = {
  code: 'GOV',
  label: { ko: '정부 대표단', en: 'Government delegates' },
  capacity: 10,
};

export const clusterTour = {
  code: 'TOUR-A',
  kind: 'tour' as const,
  label: { ko: '대구 클러스터 투어', en: 'Daegu cluster tour' },
  capacity: 5,
};
