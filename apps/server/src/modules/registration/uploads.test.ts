import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { removeOrphanFiles } from '../files/files.service';
import { pdf as makePdf, png } from '../files/test-files';

let h: TestHarness;
let admin: Actor;
let eventId: string;
let categoryId: string;

let pdf: Buffer;
// A Windows executable's first bytes, named as if it were a PDF.
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

beforeAll(async () => {
  pdf = await makePdf();
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
    const [stored] = await h.runtime.db.select().from(schema.files).where(eq(schema.files.id, file.fileId));
    expect(stored).toMatchObject({ ownerKind: 'registration', ownerId: r.id, purpose: 'registration.answer' });
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

  it('takes an 800 KB photo (the old limit of 700 KB refused it)', async () => {
    const photo = png(500, 540, true);
    expect(photo.length).toBeGreaterThan(800_000);
    const file = await upload(photo, 'IMG_0001.png');
    expect(file).toMatchObject({ contentType: 'image/png', size: photo.length });
  });

  it('refuses a PDF that is cut short, whatever its first bytes say', async () => {
    const err = await errorOf(upload(pdf.subarray(0, Math.floor(pdf.length / 2)), 'cv.pdf'));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toBe('This PDF file is damaged or incomplete: save it again and send it once more');
  });

  it('keeps a question’s own limit: 1 MB refuses 1 MB + 1 byte with 413', async () => {
    await h.runtime.db
      .update(schema.registrationSettings)
      .set({
        questions: [
          { id: 'cv', type: 'file', label: { en: 'Short CV' }, help: {}, required: true, choices: [], showIf: null },
          { id: 'small', type: 'file', label: { en: 'Small' }, help: {}, required: false, choices: [], showIf: null, maxMegabytes: 1 },
        ],
      })
      .where(eq(schema.registrationSettings.eventId, eventId));
    const padded = Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 1 - pdf.length)]);
    const err = await errorOf(
      h.caller(null).portalRegistration.uploadFile({
        eventId,
        questionId: 'small',
        filename: 'big.pdf',
        contentBase64: padded.toString('base64'),
      }),
    );
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(err.message).toBe('The file is too large (at most 1 MB)');
  });

  it('keeps a file a participant sends when changing their answer, and refuses a file that is not theirs to give', async () => {
    await h.runtime.db
      .update(schema.registrationSettings)
      .set({ editableFields: ['answers'] })
      .where(eq(schema.registrationSettings.eventId, eventId));
    const first = await upload(pdf, 'cv.pdf');
    const who = participant();
    const r = await h.caller(null).portalRegistration.register({ eventId, categoryId, participant: who, answers: { cv: first.fileId } });
    const [mail] = await h.runtime.db
      .select({ text: schema.mailOutbox.textBody })
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.toAddress, who.email));
    const linkToken = /\/r\/([\w-]+)/.exec(mail!.text)![1]!;
    const me = h.caller(null, {}, { linkToken });

    const second = await upload(pdf, 'cv-2.pdf');
    await me.myRegistration.update({ answers: { cv: second.fileId } });
    const [kept] = await h.runtime.db.select().from(schema.files).where(eq(schema.files.id, second.fileId));
    expect(kept).toMatchObject({ ownerKind: 'registration', ownerId: r.id });
    // Sending the same answer again is no new file: nothing to claim.
    await me.myRegistration.update({ answers: { cv: second.fileId } });

    // Someone else's file (already claimed) cannot be named.
    const other = await upload(pdf, 'other.pdf');
    await h.caller(null).portalRegistration.register({ eventId, categoryId, participant: participant(), answers: { cv: other.fileId } });
    const err = await errorOf(me.myRegistration.update({ answers: { cv: other.fileId } }));
    expect((err.cause as unknown as { fieldErrors: object }).fieldErrors).toEqual({ 'answers.cv': ['Upload the file again'] });
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
    const before = await h.runtime.db.select({ id: schema.files.id }).from(schema.files);
    expect(await removeOrphanFiles(h.runtime)).toBeGreaterThanOrEqual(1);
    const left = new Set((await h.runtime.db.select({ id: schema.files.id }).from(schema.files)).map((r) => r.id));
    expect(left.has(orphan.fileId)).toBe(false);
    expect(left.has(claimed.fileId)).toBe(true);
    expect(left.has(recent.fileId)).toBe(true);
    expect(before.length).toBeGreaterThan(left.size);
  });
});
