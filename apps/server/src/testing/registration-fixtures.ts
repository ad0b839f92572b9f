import { schema } from '@plenary/db';
import type { Actor, RegisterInput } from '@plenary/contracts';
import { tciEvent, type TestHarness } from './harness';

/**
 * Registration set up for a test straight in the tables (the setup service has
 * its own tests): a published event, categories, options, and a participant.
 */
export async function registrationEvent(
  h: TestHarness,
  admin: Actor,
  setup: {
    slug?: string;
    eventCapacity?: number | null;
    categories: Array<{
      code: string;
      capacity?: number | null;
      requiresApproval?: boolean;
      visibility?: 'public' | 'invitation';
      feeAmount?: number;
    }>;
    options?: Array<{ code: string; capacity?: number | null }>;
    consents?: Array<{ kind: 'privacy' | 'photography'; required: boolean }>;
  },
) {
  const event = await h.caller(admin).events.create({ ...tciEvent, slug: setup.slug ?? 'tci-2015' });
  await h.caller(admin).events.transition({ eventId: event.id, to: 'publish' });
  await h.runtime.db
    .insert(schema.registrationSettings)
    .values({ eventId: event.id, capacity: setup.eventCapacity ?? null });
  const categories: Record<string, string> = {};
  for (const [i, c] of setup.categories.entries()) {
    const [row] = await h.runtime.db
      .insert(schema.registrationCategories)
      .values({
        eventId: event.id,
        code: c.code,
        label: { en: c.code, ko: c.code },
        capacity: c.capacity ?? null,
        requiresApproval: c.requiresApproval ?? false,
        visibility: c.visibility ?? 'public',
        feeAmount: c.feeAmount ?? null,
        feeCurrency: c.feeAmount ? 'KRW' : null,
        position: i,
      })
      .returning();
    categories[c.code] = row!.id;
  }
  const options: Record<string, string> = {};
  for (const o of setup.options ?? []) {
    const [row] = await h.runtime.db
      .insert(schema.registrationOptions)
      .values({
        eventId: event.id,
        code: o.code,
        label: { en: o.code },
        capacity: o.capacity ?? null,
        kind: 'tour',
      })
      .returning();
    options[o.code] = row!.id;
  }
  for (const c of setup.consents ?? []) {
    await h.runtime.db
      .insert(schema.consentVersions)
      .values({
        eventId: event.id,
        kind: c.kind,
        version: 1,
        text: { en: `${c.kind} text` },
        required: c.required,
      });
  }
  return { eventId: event.id, categories, options };
}

let counter = 0;

/** A number written in letters (1 -> "A", 27 -> "AA"): a passport name takes Roman letters only. */
export function letterTag(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/** A participant from the reference event's 86 countries; each call a new person. */
export function participant(
  overrides: Partial<RegisterInput['participant']> = {},
): RegisterInput['participant'] {
  counter += 1;
  return {
    givenName: 'Minh',
    familyName: `Nguyen ${letterTag(counter)}`,
    localName: null,
    email: `delegate${counter}@example.org`,
    organisation: 'Vietnam Cluster Network',
    jobTitle: null,
    country: 'VN',
    phone: null,
    dietary: null,
    accessibility: null,
    ...overrides,
  };
}
