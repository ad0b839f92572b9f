import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import { createHarness, tciEvent, type TestHarness } from '../../testing/harness';
import { listMail } from '../mail/mail.repo';
import { insertMember } from './team.repo';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function setLocale(userId: string, locale: 'ko' | 'en') {
  await h.runtime.db.update(schema.users).set({ locale }).where(eq(schema.users.id, userId));
}

async function subjectTo(address: string): Promise<string> {
  const { rows } = await listMail(h.runtime.db, { to: address, limit: 10, offset: 0 });
  expect(rows.length).toBe(1);
  return rows[0]?.subject ?? '';
}

describe('team invitation mail language', () => {
  it('writes to someone new in the team’s language (English here), not always Korean', async () => {
    const admin = await h.signUp('platform-inv@kicox.example', { platformAdmin: true });
    const event = await h.caller(admin).events.create({ ...tciEvent, slug: 'english-team' });
    const owner = await h.signUp('owner-inv@tci-network.example');
    await setLocale(owner.userId, 'en');
    await insertMember(h.runtime.db, { eventId: event.id, userId: owner.userId, role: 'owner' });
    const colleague = await h.signUp('colleague-inv@tci-network.example');
    await setLocale(colleague.userId, 'en');
    await insertMember(h.runtime.db, { eventId: event.id, userId: colleague.userId, role: 'admin' });

    await h
      .caller(owner)
      .team.invite({ eventId: event.id, email: 'new-en@tci-network.example', role: 'staff' });
    expect(await subjectTo('new-en@tci-network.example')).toBe(
      'You are invited to the team of 18th TCI Global Conference',
    );

    // The inviter may choose: Korean for this invitee.
    await h
      .caller(owner)
      .team.invite({ eventId: event.id, email: 'new-ko@kicox.example', role: 'staff', locale: 'ko' });
    expect(await subjectTo('new-ko@kicox.example')).toBe('제18차 세계 클러스터 경쟁력 총회 운영팀 초대');
  });

  it('writes to someone with an account in the language they chose, whatever the team uses', async () => {
    const admin = await h.signUp('platform-inv2@kicox.example', { platformAdmin: true });
    const event = await h.caller(admin).events.create({ ...tciEvent, slug: 'korean-reader' });
    const owner = await h.signUp('owner-inv2@tci-network.example');
    await setLocale(owner.userId, 'en');
    await insertMember(h.runtime.db, { eventId: event.id, userId: owner.userId, role: 'owner' });
    const known = await h.signUp('known-ko@kicox.example');
    await setLocale(known.userId, 'ko');

    await h
      .caller(owner)
      .team.invite({ eventId: event.id, email: 'known-ko@kicox.example', role: 'reviewer' });
    expect(await subjectTo('known-ko@kicox.example')).toBe('제18차 세계 클러스터 경쟁력 총회 운영팀 초대');
  });
});
