import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { partnerWithKey } from '../partners/partners.fixtures';

/**
 * The backfill of audit actors (packages/db/custom/access.sql, also the
 * access_data migration): rows written before audit_log had actor kinds and
 * ids, with the labels the old code wrote, get what those labels tell, and
 * lose the participants' emails. Run on a migrated database against rows
 * shaped like the old ones, so the test survives the migrations being merged.
 */
const backfill = readFileSync(
  join(import.meta.dirname, '../../../../../packages/db/custom/access.sql'),
  'utf8',
);

let h: TestHarness;
let admin: Actor;
let eventId: string;
let partner: { partnerId: string; apiKeyId: string };
let apiRegistrationId: string;
let portal: { id: string; reference: string };

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  const event = await registrationEvent(h, admin, { categories: [{ code: 'OPEN', capacity: 10 }] });
  eventId = event.eventId;
  const kotra = await partnerWithKey(h, { name: 'KOTRA', eventId, scopes: ['registrations:write'] });
  partner = kotra;
  const made = await h.caller(null, {}, { apiKey: kotra.key }).api.register({
    eventId,
    registration: {
      categoryId: event.categories.OPEN!,
      participant: participant({ email: 'lan@example.org' }),
    },
  });
  apiRegistrationId = made.registrations[0]!.id;
  portal = await h.caller(null).portalRegistration.register({
    eventId,
    categoryId: event.categories.OPEN!,
    participant: participant({ email: 'self@example.org' }),
    consents: [],
  });
  // Rows as the old code wrote them: no kind (the column's default), labels with emails.
  await h.database.query(`delete from audit_log`);
  const old = [
    [null, 'partner: lan@example.org', 'registration', apiRegistrationId],
    [null, `partner KOTRA (key ${kotra.apiKeyId})`, 'registration', apiRegistrationId],
    [null, `partner ${kotra.partnerId}`, 'delegation', '00000000-0000-4000-8000-000000000001'],
    [null, 'portal: self@example.org', 'registration', portal.id],
    [null, `participant ${portal.reference}`, 'visa_letter_request', '00000000-0000-4000-8000-000000000002'],
    [null, 'admin@kicox.example', 'member', admin.userId],
    [admin.userId, 'admin@kicox.example', 'event', eventId],
    [null, 'cli', 'partner', kotra.partnerId],
    [null, 'system', 'registration', portal.id],
  ];
  for (const [i, [userId, label, type, id]] of old.entries()) {
    await h.database.query(
      `insert into audit_log (id, actor_user_id, actor_label, event_id, action, object_type, object_id)
       values ($1, $2, $3, $4, 'x', $5, $6)`,
      [i + 1, userId, label, eventId, type, id],
    );
  }
  for (const statement of backfill.split('--> statement-breakpoint')) {
    if (statement.replace(/--.*$/gm, '').trim()) await h.database.exec(statement);
  }
}, 120_000);
afterAll(() => h.close());

describe('the audit actor backfill', () => {
  it('infers kinds and ids from the old labels, and keeps no participant email', async () => {
    const { rows } = await h.database.query<Record<string, string | null>>(
      `select actor_kind, actor_user_id, actor_api_key_id, actor_partner_id, actor_object_id, actor_label
         from audit_log order by id`,
    );
    const p = partner;
    expect(rows).toEqual([
      row('apiKey', { partner: p.partnerId, label: 'partner KOTRA' }),
      row('apiKey', { key: p.apiKeyId, partner: p.partnerId, label: 'partner KOTRA' }),
      row('apiKey', { partner: p.partnerId, label: 'partner KOTRA' }),
      row('participant', { object: portal.id, label: 'participant' }),
      row('participant', { object: portal.id, label: 'participant' }),
      row('user', { user: admin.userId, label: 'admin@kicox.example' }),
      row('user', { user: admin.userId, label: 'admin@kicox.example' }),
      row('cli', { label: 'cli' }),
      row('system', { label: 'system' }),
    ]);
    expect(rows.some((r) => /@example\.org/.test(r.actor_label ?? ''))).toBe(false);
  });
});

function row(
  kind: string,
  f: { user?: string; key?: string; partner?: string; object?: string; label: string },
): Record<string, string | null> {
  return {
    actor_kind: kind,
    actor_user_id: f.user ?? null,
    actor_api_key_id: f.key ?? null,
    actor_partner_id: f.partner ?? null,
    actor_object_id: f.object ?? null,
    actor_label: f.label,
  };
}
