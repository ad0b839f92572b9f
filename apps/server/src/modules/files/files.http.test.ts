import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq, schema } from '@plenary/db';
import { filePaths, FILENAME_HEADER, type Actor } from '@plenary/contracts';
import { createHarness, TEST_PASSWORD, tciEvent, withConfig, type TestHarness } from '../../testing/harness';
import { startTestServer, type TestServer } from '../../testing/http';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { clearBucket } from '../rate-limit/rate-limit.store';
import { insertMember } from '../team/team.repo';
import { removeOrphanFiles } from './files.service';
import { postgresFileStore } from './file-store';
import { exe, pdf, png } from './test-files';

let h: TestHarness;
let server: TestServer;
let admin: Actor;
let eventId: string;
let categoryId: string;
let otherEventId: string;
const sessions = new Map<string, string>();
const TEN_MB = 10 * 1024 * 1024;

type Role = 'owner' | 'admin' | 'staff' | 'reviewer' | 'program_chair' | 'b2b_coordinator';
async function staff(name: string, event: string, role: Role) {
  const user = await h.signUp(`${name}@plenary.test`);
  await insertMember(h.runtime.db, { eventId: event, userId: user.userId, role });
  sessions.set(name, (await h.signIn(`${name}@plenary.test`, TEST_PASSWORD)).token);
}

beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  const e = await registrationEvent(h, admin, { slug: 'files', categories: [{ code: 'UNI' }] });
  eventId = e.eventId;
  categoryId = e.categories.UNI!;
  await h.runtime.db
    .update(schema.registrationSettings)
    .set({
      questions: [
        { id: 'cv', type: 'file', label: { en: 'CV' }, help: {}, required: false, choices: [], showIf: null },
        {
          id: 'photo',
          type: 'file',
          label: { en: 'Photo' },
          help: {},
          required: false,
          choices: [],
          showIf: null,
          maxMegabytes: 1,
        },
        { id: 'note', type: 'text', label: { en: 'Note' }, help: {}, required: false, choices: [], showIf: null },
      ],
    })
    .where(eq(schema.registrationSettings.eventId, eventId));
  otherEventId = (await h.caller(admin).events.create({ ...tciEvent, slug: 'files-other' })).id;
  for (const role of ['owner', 'admin', 'program_chair', 'b2b_coordinator'] as const) await staff(`role-${role}`, eventId, role);
  await staff('desk', eventId, 'staff');
  await staff('reviewer', eventId, 'reviewer');
  await staff('other-owner', otherEventId, 'owner');
});
afterAll(async () => {
  await server.close();
  await h.close();
});

const fileCount = async () => (await h.runtime.db.select({ n: count() }).from(schema.files))[0]!.n;

async function upload(question: string, data: Buffer, filename: string, base = server.url) {
  const res = await fetch(base + filePaths.registrationAnswer(eventId, question), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', [FILENAME_HEADER]: encodeURIComponent(filename) },
    body: new Uint8Array(data),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Sends `total` bytes in chunks with no Content-Length (chunked): only counting while reading can stop it. */
function streamUpload(question: string, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + filePaths.registrationAnswer(eventId, question), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [FILENAME_HEADER]: 'big.png' },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may close while we still write: the answer is what counts.
    req.on('error', (err) => (err.message.includes('EPIPE') || err.message.includes('ECONNRESET') ? undefined : reject(err)));
    const first = png(16, 16);
    let sent = 0;
    const piece = Buffer.alloc(64 * 1024, 7);
    const write = () => {
      while (sent < total) {
        const next = sent === 0 ? first : piece.subarray(0, Math.min(piece.length, total - sent));
        sent += next.length;
        if (!req.write(next)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

async function download(fileId: string, who: { session?: string; link?: string } = {}, base = server.url) {
  const headers: Record<string, string> = {};
  if (who.session) headers.cookie = `plenary_session=${who.session}`;
  if (who.link) headers['x-plenary-link'] = who.link;
  const res = await fetch(base + filePaths.download(fileId), { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function linkOf(email: string): Promise<string> {
  const [mail] = await h.runtime.db
    .select({ text: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email))
    .orderBy(desc(schema.mailOutbox.createdAt))
    .limit(1);
  return /\/r\/([\w-]+)/.exec(mail?.text ?? '')![1]!;
}

async function registerWith(answers: Record<string, string>) {
  const who = participant();
  const r = await h.caller(null).portalRegistration.register({ eventId, categoryId, participant: who, answers });
  return { registrationId: r.id, link: await linkOf(who.email) };
}

describe('uploads over HTTP', () => {
  it('takes a 3 MB phone photo (the old limit was 700 KB) and keeps its bytes and sha256', async () => {
    const photo = png(1000, 1000, true);
    expect(photo.length).toBeGreaterThan(3_000_000);
    const { status, body } = await upload('cv', photo, 'IMG_2041.png');
    expect(status).toBe(201);
    expect(body).toMatchObject({ filename: 'IMG_2041.png', contentType: 'image/png', size: photo.length });
    const [row] = await h.runtime.db.select().from(schema.files).where(eq(schema.files.id, body.fileId as string));
    expect(row).toMatchObject({ eventId, purpose: 'registration.answer', ownerId: null, store: 'postgres', size: photo.length });
    expect(row!.sha256).toBe((await import('node:crypto')).createHash('sha256').update(photo).digest('hex'));
    expect((await postgresFileStore.get(h.runtime.db, row!.id))!.equals(photo)).toBe(true);
  });

  it('refuses a 10 MB + 1 byte stream with 413 while it arrives, storing nothing', async () => {
    const before = await fileCount();
    const res = await streamUpload('cv', TEN_MB + 1);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'The file is too large (at most 10 MB)', fieldErrors: { file: ['At most 10 MB'] } },
    });
    expect(await fileCount()).toBe(before);
  });

  it('refuses by the declared length before reading, and keeps a question’s own limit (1 MB)', async () => {
    const before = await fileCount();
    const big = png(700, 700, true);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await upload('photo', big, 'photo.png');
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'The file is too large (at most 1 MB)', fieldErrors: { file: ['At most 1 MB'] } },
    });
    expect(await fileCount()).toBe(before);
  });

  it('judges by content: an .exe named photo.jpg and a truncated PDF are refused', async () => {
    const before = await fileCount();
    const asJpeg = await upload('cv', exe, 'photo.jpg');
    expect(asJpeg).toEqual({
      status: 400,
      body: {
        error: {
          code: 'INVALID_INPUT',
          message: 'Send a PDF, JPEG or PNG file (this one is EXE, whatever its name says)',
          fieldErrors: { file: ['Send a PDF, JPEG or PNG file (this one is EXE, whatever its name says)'] },
        },
      },
    });
    const whole = await pdf();
    const truncated = await upload('cv', whole.subarray(0, Math.floor(whole.length / 2)), 'paper.pdf');
    expect(truncated.status).toBe(400);
    expect(truncated.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'This PDF file is damaged or incomplete: save it again and send it once more',
    });
    const cutImage = await upload('cv', png(300, 300, true).subarray(0, 20_000), 'photo.png');
    expect(cutImage.status).toBe(400);
    expect(await fileCount()).toBe(before);
  });

  it('limits anonymous uploads per address (30 an hour, shared with the tRPC upload), with Retry-After', async () => {
    const strict = await startTestServer(withConfig(h, { rateLimitScale: 1 }));
    // The uploads above came from this address too: count from zero.
    await clearBucket(h.runtime.db, 'portalRegistration.uploadFile#0:ip:127.0.0.1');
    try {
      const small = await pdf();
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) statuses.push((await upload('cv', small, `cv-${i}.pdf`, strict.url)).status);
      expect(statuses.filter((s) => s === 201).length).toBe(30);
      const refused = await fetch(strict.url + filePaths.registrationAnswer(eventId, 'cv'), {
        method: 'POST',
        body: new Uint8Array(small),
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await strict.close();
    }
  });

  it('answers 404 for an event that is not published or not an id', async () => {
    const res = await fetch(server.url + filePaths.registrationAnswer(otherEventId, 'cv'), { method: 'POST', body: 'x' });
    expect(res.status).toBe(404);
    const bad = await fetch(server.url + filePaths.registrationAnswer('not-an-id', 'cv'), { method: 'POST', body: 'x' });
    expect(bad.status).toBe(404);
  });

  it('answers 400 for a question that takes no file', async () => {
    const res = await upload('note', await pdf(), 'cv.pdf');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { questionId: ['No such file question'] } });
  });
});

describe('downloads', () => {
  let fileId: string;
  let mine: { registrationId: string; link: string };
  let other: { registrationId: string; link: string };
  let cv: Buffer;

  beforeAll(async () => {
    cv = await pdf();
    fileId = (await upload('cv', cv, '이력서 (최종).pdf')).body.fileId as string;
    mine = await registerWith({ cv: fileId });
    other = await registerWith({});
  });

  it('sends the right type, nosniff, inline for a PDF, and the Korean name (RFC 5987)', async () => {
    const res = await download(fileId, { link: mine.link });
    expect(res.status).toBe(200);
    expect(res.bytes.equals(cv)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="___ (__).pdf"; filename*=UTF-8''%EC%9D%B4%EB%A0%A5%EC%84%9C%20%28%EC%B5%9C%EC%A2%85%29.pdf`,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('saves anything a browser could run (HTML, SVG) as an attachment', async () => {
    for (const [contentType, name] of [
      ['text/html', 'page.html'],
      ['image/svg+xml', 'logo.svg'],
    ] as const) {
      const [row] = await h.runtime.db
        .insert(schema.files)
        .values({
          eventId,
          purpose: 'registration.answer',
          ownerKind: 'registration',
          ownerId: mine.registrationId,
          filename: name,
          contentType,
          size: 5,
          sha256: 'x',
        })
        .returning({ id: schema.files.id });
      await postgresFileStore.put(h.runtime.db, row!.id, Buffer.from('<b>x'));
      const res = await download(row!.id, { link: mine.link });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(contentType);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    }
  });

  it('opens for the registration’s link and the event’s desk roles and platform admins', async () => {
    for (const name of ['role-owner', 'role-admin', 'desk']) expect([name, (await download(fileId, { session: sessions.get(name)! })).status]).toEqual([name, 200]);
    const adminSession = (await h.signIn('admin@plenary.test', TEST_PASSWORD)).token;
    expect((await download(fileId, { session: adminSession })).status).toBe(200);
  });

  it('refuses another participant’s link, the other event’s staff, a reviewer, and no one at all', async () => {
    expect((await download(fileId, { link: other.link })).status).toBe(404);
    expect((await download(fileId, { session: sessions.get('other-owner')! })).status).toBe(404);
    for (const name of ['reviewer', 'role-program_chair', 'role-b2b_coordinator'])
      expect([name, (await download(fileId, { session: sessions.get(name)! })).status]).toEqual([name, 404]);
    expect((await download(fileId, { link: 'x'.repeat(43) })).status).toBe(404);
    const anonymous = await download(fileId);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.bytes.toString())).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses the desk when the event asks for two-factor sign-in and they have not set it up', async () => {
    await h.runtime.db.update(schema.events).set({ requireTwoFactor: true }).where(eq(schema.events.id, eventId));
    try {
      expect((await download(fileId, { session: sessions.get('desk')! })).status).toBe(404);
      // The participant's link is not a staff account: the event's staff rule does not apply to it.
      expect((await download(fileId, { link: mine.link })).status).toBe(200);
    } finally {
      await h.runtime.db.update(schema.events).set({ requireTwoFactor: false }).where(eq(schema.events.id, eventId));
    }
  });

  it('opens an unclaimed upload for no one (not even the desk)', async () => {
    const loose = (await upload('cv', await pdf(), 'loose.pdf')).body.fileId as string;
    expect((await download(loose, { session: sessions.get('desk')! })).status).toBe(404);
  });
});

describe('orphans', () => {
  it('removes uploads no registration claimed after 24 hours, bytes included, and keeps claimed ones', async () => {
    const loose = (await upload('cv', await pdf(), 'orphan.pdf')).body.fileId as string;
    const kept = (await upload('cv', await pdf(), 'kept.pdf')).body.fileId as string;
    await registerWith({ cv: kept });
    h.advanceClock(23 * 3_600_000);
    expect(await removeOrphanFiles(h.runtime)).toBe(0);
    h.advanceClock(2 * 3_600_000);
    expect(await removeOrphanFiles(h.runtime)).toBeGreaterThanOrEqual(1);
    const ids = (await h.runtime.db.select({ id: schema.files.id }).from(schema.files)).map((r) => r.id);
    expect(ids).not.toContain(loose);
    expect(ids).toContain(kept);
    expect(await postgresFileStore.get(h.runtime.db, loose)).toBeNull();
    expect((await postgresFileStore.get(h.runtime.db, kept))?.length).toBeGreaterThan(0);
  });
});

describe.runIf(process.env.PLENARY_TEST_DB === 'postgres')('two server processes on one PostgreSQL', () => {
  it('a file uploaded through one is read, byte for byte, through the other', async () => {
    const second = await createHarness({ sameDatabaseAs: h });
    const secondServer = await startTestServer(second);
    try {
      const photo = png(400, 400, true);
      const id = (await upload('cv', photo, 'badge.png', server.url)).body.fileId as string;
      const { link } = await registerWith({ cv: id });
      const res = await download(id, { link }, secondServer.url);
      expect(res.status).toBe(200);
      expect(res.bytes.equals(photo)).toBe(true);
      expect(res.headers.get('content-type')).toBe('image/png');
    } finally {
      await secondServer.close();
      await second.close();
    }
  });
});
