import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '@plenary/db/testing';
import { tciEvent } from './testing/harness';
import { HttpClient } from './testing/http';
import { runServerExpectingFailure, startServerProcess } from './testing/process';

/**
 * The server as a real process: kill -9 in the middle of writes loses nothing
 * that was acknowledged; on PGlite a second process is refused the data dir; on
 * PostgreSQL two processes share sessions.
 */
const engine = testEngine();
const ADMIN = { email: 'admin@kicox.example', password: 'durable-password-2015' };
let database: TestDatabase | null = null;
let dataDir = '';
let env: Record<string, string>;

beforeAll(async () => {
  if (engine === 'postgres') {
    database = await createTestDatabase({ poolSize: 1 });
    env = { DATABASE_URL: database.url! };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'plenary-durability-'));
    env = { PLENARY_DATA_DIR: dataDir };
  }
  // No demo: a first embedded start would load the reference event (minutes of work on
  // a busy machine) before listening, and these tests are about the process, not it.
  env = { ...env, PLENARY_ADMIN_EMAIL: ADMIN.email, PLENARY_ADMIN_PASSWORD: ADMIN.password, PLENARY_DEMO: 'false' };
});
afterAll(async () => {
  await database?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`server process on ${engine}`, () => {
  it('keeps every acknowledged write across kill -9', async () => {
    const first = await startServerProcess(env);
    const client = new HttpClient(first.url);
    await client.login(ADMIN.email, ADMIN.password);
    const acknowledged: string[] = [];
    let n = 0;
    // Four writers in a loop; the process is killed while they are mid-flight.
    const writer = async () => {
      for (;;) {
        const slug = `durable-${n++}`;
        try {
          const res = await client.mutate('events.create', { ...tciEvent, slug });
          if (res.status === 200) acknowledged.push(slug);
          else return;
        } catch {
          return; // connection reset by the kill
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    while (acknowledged.length < 25) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    await Promise.all(writers);
    await first.exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);

    const second = await startServerProcess(env);
    try {
      const again = new HttpClient(second.url);
      await again.login(ADMIN.email, ADMIN.password);
      const list = await again.query('events.listMine', {});
      const slugs = new Set((list.json.result?.data as { slug: string }[]).map((e) => e.slug));
      expect(acknowledged.filter((s) => !slugs.has(s))).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });

  it.runIf(engine === 'pglite')('refuses a second process on the same embedded data dir with a clear message', async () => {
    const server = await startServerProcess(env);
    try {
      const second = await runServerExpectingFailure(env);
      expect(second.code).toBe(1);
      expect(second.output).toContain(`The embedded database in ${dataDir} is in use by another Plenary process (pid ${server.child.pid})`);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it.runIf(engine === 'postgres')('lets two server processes on one PostgreSQL act as one: a session made on one works on the other', async () => {
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    try {
      const client = new HttpClient(a.url);
      await client.login(ADMIN.email, ADMIN.password);
      const onB = new HttpClient(b.url);
      onB.cookie = client.cookie;
      onB.csrf = client.csrf;
      const me = await onB.query('auth.me');
      expect((me.json.result?.data as { user: { email: string } }).user.email).toBe(ADMIN.email);
      const created = await onB.mutate('events.create', { ...tciEvent, slug: 'made-on-b' });
      expect(created.status).toBe(200);
      const seenOnA = await client.query('events.listMine', {});
      expect((seenOnA.json.result?.data as { slug: string }[]).map((e) => e.slug)).toContain('made-on-b');
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    }
  });

  it('refuses to start with a wrong setting, naming it', async () => {
    const result = await runServerExpectingFailure({ ...env, PORT: 'eighty', SMTP_URL: 'mail.example.org' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT: PORT must be a number');
    expect(result.output).toContain('SMTP_URL: SMTP_URL must start with smtp:// or smtps://');
  });
});
