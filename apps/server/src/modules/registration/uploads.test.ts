import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { removeOrphanUploads } from './uploads';

let h: TestHarness;
let admin: Actor;
let eventId: string;
let categoryId: string;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// A Windows executable's first bytes, named as if it were a PDF.
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  const e = await registrationEvent(h, admin, { slug: 'uploads', categories: [{ code: 'UNI' }] });
  eventId = e.eventId;
  categoryId = e.categories.UNI!;
  await h.runtime.db
    .update(schema.registrationSettings)
    .set({
      questions: [
        {
          id: 'cv',
          type: 'file',
          label: { en: 'Short CV' },
          help: {},
          required: true,
          choices: [],
          showIf: null,
        },
      ],
    })
    .where(eq(schema.registrationSettings.eventId, eventId));
});
afterAll(() => h.close());

const upload = (content: Buffer, filename: string) =>
  h.caller(null).portalRegistration.uploadFile({
    eventId,
    questionId: 'cv',
    filename,
    contentBase64: content.toString('base64'),
  });

describe('file questions', () => {
  it('keeps a PDF and ties it to the registration that names it, once', async () => {
    const file = await upload(pdf, 'cv.pdf');
    expect(file).toMatchObject({ contentType: 'application/pdf', size: pdf.length, filename: 'cv.pdf' });
    const r = await h.caller(null).portalRegistration.register({
      eventId,
      categoryId,
      participant: participant(),
      answers: { cv: file.fileId },
    });
    const [stored] = await h.runtime.db
      .select()
      .from(schema.registrationFiles)
      .where(eq(schema.registrationFiles.id, file.fileId));
    expect(stored!.registrationId).toBe(r.id);
    const reused = await errorOf(
      h.caller(null).portalRegistration.register({
        eventId,
        categoryId,
        participant: participant(),
        answers: { cv: file.fileId },
      }),
    );
    expect((reused.cause as unknown as { fieldErrors: object }).fieldErrors).toEqual({
      'answers.cv': ['Upload the file again'],
    });
  });

  it('judges a file by its content, not its name', async () => {
    const err = await errorOf(upload(exe, 'cv.pdf'));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toBe('Send a PDF, JPEG or PNG file (this one is EXE, whatever its name says)');
  });

  it('refuses a file over 700 KB with 413', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(700_001)]);
    const err = await errorOf(upload(big, 'big.pdf'));
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('removes uploads no registration claimed within a day, and keeps claimed and recent ones', async () => {
    const orphan = await upload(pdf, 'orphan.pdf');
    const claimed = await upload(pdf, 'claimed.pdf');
    await h.caller(null).portalRegistration.register({
      eventId,
      categoryId,
      participant: participant(),
      answers: { cv: claimed.fileId },
    });
    h.advanceClock(25 * 3_600_000);
    const recent = await upload(pdf, 'recent.pdf');
    const before = await h.runtime.db.select({ id: schema.registrationFiles.id }).from(schema.registrationFiles);
    expect(await removeOrphanUploads(h.runtime)).toBeGreaterThanOrEqual(1);
    const left = new Set(
      (await h.runtime.db.select({ id: schema.registrationFiles.id }).from(schema.registrationFiles)).map((r) => r.id),
    );
    expect(left.has(orphan.fileId)).toBe(false);
    expect(left.has(claimed.fileId)).toBe(true);
    expect(left.has(recent.fileId)).toBe(true);
    expect(before.length).toBeGreaterThan(left.size);
  });
});
