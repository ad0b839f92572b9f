import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { postgresFileStore } from './file-store';
import { pdf, png } from './test-files';

/**
 * The hand-written data move of registration uploads into files (packages/db/custom/files.sql,
 * appended to the generated migrations): run on rows a release before it would have left.
 */
const customSql = readFileSync(
  fileURLToPath(new URL('../../../../../packages/db/custom/files.sql', import.meta.url)),
  'utf8',
);

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('moving registration uploads into files', () => {
  it('keeps every file (same id, bytes, sha256, owner) and empties the old table', async () => {
    const admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
    const { eventId, categories } = await registrationEvent(h, admin, { slug: 'migrate', categories: [{ code: 'UNI' }] });
    const r = await h.caller(null).portalRegistration.register({ eventId, categoryId: categories.UNI!, participant: participant() });
    const cv = await pdf();
    const photo = png(40, 30);
    const at = new Date('2026-11-30T08:00:00Z');
    const rows = [
      { registrationId: r.id, filename: '이력서.pdf', contentType: 'application/pdf', data: cv },
      { registrationId: null, filename: 'photo.png', contentType: 'image/png', data: photo },
    ];
    const ids: string[] = [];
    for (const row of rows) {
      const [inserted] = await h.runtime.db
        .insert(schema.registrationFiles)
        .values({
          eventId,
          ...row,
          size: row.data.length,
          sha256: createHash('sha256').update(row.data).digest('hex'),
          createdAt: at,
        })
        .returning({ id: schema.registrationFiles.id });
      ids.push(inserted!.id);
    }

    await h.database.exec(customSql.replaceAll('--> statement-breakpoint', ''));

    const moved = await h.runtime.db.select().from(schema.files).where(eq(schema.files.eventId, eventId));
    expect(moved.map((f) => ({ ...f })).sort((a, b) => a.filename.localeCompare(b.filename))).toEqual(
      [
        {
          id: ids[1],
          eventId,
          purpose: 'registration.answer',
          ownerKind: null,
          ownerId: null,
          filename: 'photo.png',
          contentType: 'image/png',
          size: photo.length,
          sha256: createHash('sha256').update(photo).digest('hex'),
          store: 'postgres',
          createdAt: at,
          attachedAt: null,
        },
        {
          id: ids[0],
          eventId,
          purpose: 'registration.answer',
          ownerKind: 'registration',
          ownerId: r.id,
          filename: '이력서.pdf',
          contentType: 'application/pdf',
          size: cv.length,
          sha256: createHash('sha256').update(cv).digest('hex'),
          store: 'postgres',
          createdAt: at,
          attachedAt: at,
        },
      ].sort((a, b) => a.filename.localeCompare(b.filename)),
    );
    expect((await postgresFileStore.get(h.runtime.db, ids[0]!))!.equals(cv)).toBe(true);
    expect((await postgresFileStore.get(h.runtime.db, ids[1]!))!.equals(photo)).toBe(true);
    expect(await h.runtime.db.select().from(schema.registrationFiles)).toEqual([]);

    // Run twice (the lead re-appends it to regenerated migrations): nothing doubles or breaks.
    await h.database.exec(customSql.replaceAll('--> statement-breakpoint', ''));
    expect((await h.runtime.db.select().from(schema.files).where(eq(schema.files.eventId, eventId))).length).toBe(2);
  });
});
