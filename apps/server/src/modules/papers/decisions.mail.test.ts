import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, schema } from '@plenary/db';
import type { Actor, PersonActor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { registrationEvent } from '../../testing/registration-fixtures';
import { signInPerson } from '../../testing/persons';
import { startTestSmtpServer, type TestSmtpServer } from '../../testing/smtp';
import { startMailDelivery } from '../mail/mail.service';
import { smtpTransport, type MailTransport } from '../mail/transport';
import { instantToWallClock } from './zoned-time';

// Decision notices: previewed, then sent through the job queue to the in-process
// SMTP server on release, one per author who confirmed authorship.
let h: TestHarness;
let smtp: TestSmtpServer;
let transport: MailTransport;
let stopDelivery: () => void;
let admin: Actor;
let eventId: string;
let alice: PersonActor;
let accepted: string;
let rejected: string;

const HOUR = 3_600_000;
const local = (ms: number) => instantToWallClock(new Date(h.runtime.now().getTime() + ms), 'Asia/Seoul');
const as = (person: PersonActor) => h.caller(null, {}, { person });
const author = (email: string, given: string, presenting = false) => ({
  email,
  givenName: given,
  familyName: 'Kim',
  affiliation: 'Keimyung University',
  country: 'KR',
  orcid: null,
  presenting,
});

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  h = await createHarness({ config: { smtpUrl: smtp.url }, work: true });
  transport = smtpTransport(smtp.url);
  stopDelivery = await startMailDelivery(h.runtime, transport, { retryLimit: 2, retryDelaySeconds: 1 });
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  eventId = (await registrationEvent(h, admin, { categories: [{ code: 'OPEN' }] })).eventId;
  const staff = h.caller(admin).papers;
  await staff.saveSettings({
    eventId,
    opensAt: local(-HOUR),
    deadline: local(HOUR),
    graceMinutes: 0,
    blindMode: 'double',
  });
  const trackId = (await staff.saveTrack({ eventId, code: 'c', name: { en: 'Cluster policy' }, position: 0 }))
    .id;
  const typeId = (
    await staff.saveType({
      eventId,
      kind: 'poster',
      name: { en: 'Poster' },
      pageLimit: null,
      abstractWordLimit: null,
      fileRequired: false,
      maxMegabytes: 1,
      position: 0,
    })
  ).id;
  alice = (await signInPerson(h, 'alice@example.org')).person;
  const submit = async (title: string, authors: ReturnType<typeof author>[]) => {
    const made = await as(alice).mySubmissions.create({
      eventId,
      trackId,
      typeId,
      title: { en: title },
      abstract: {},
      keywords: [],
      authors,
    });
    await as(alice).mySubmissions.submit({ submissionId: made.id, consents: [] });
    return made.id;
  };
  accepted = await submit('Clusters after the crisis', [
    author('alice@example.org', 'Alice', true),
    author('bob@example.org', 'Bob'),
    author('carol@example.org', 'Carol'),
  ]);
  rejected = await submit('A weaker paper', [author('alice@example.org', 'Alice', true)]);
  // Carol confirms her authorship by the emailed link; Bob never does.
  const [mail] = await h.runtime.db
    .select({ text: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    .where(
      and(
        eq(schema.mailOutbox.template, 'papers.confirmAuthorship'),
        eq(schema.mailOutbox.toAddress, 'carol@example.org'),
      ),
    );
  const token = /\/authorship\/([\w-]+)/.exec(mail!.text)![1]!;
  await h.caller(null).cfp.confirmAuthorship({ token });
  // Alice reads Korean, Carol English: each notice comes in its reader's language.
  await h.runtime.db
    .update(schema.persons)
    .set({ locale: 'ko' })
    .where(eq(schema.persons.email, 'alice@example.org'));
  await h.runtime.db
    .update(schema.persons)
    .set({ locale: 'en' })
    .where(eq(schema.persons.email, 'carol@example.org'));
}, 120_000);
afterAll(async () => {
  stopDelivery();
  await h.close();
  transport.close();
  await smtp.close();
});

const link = (id: string) => `${h.runtime.config.publicUrl}/submissions/${id}`;

describe('decision notices', () => {
  it('refuses a preview before a decision is recorded', async () => {
    const err = await errorOf(h.caller(admin).decisions.previewMail({ eventId, submissionId: accepted }));
    expect([err.code, err.message]).toEqual(['CONFLICT', 'This submission has no decision yet']);
  });

  it('previews each confirmed author’s notice in their language, with the placeholders filled', async () => {
    await h.caller(admin).decisions.record({ eventId, submissionIds: [accepted], kind: 'accept_oral' });
    await h.caller(admin).decisions.record({ eventId, submissionIds: [rejected], kind: 'reject' });
    const { mails } = await h.caller(admin).decisions.previewMail({ eventId, submissionId: accepted });
    expect(mails.map((m) => [m.to, m.locale, m.template, m.subject])).toEqual([
      [
        'alice@example.org',
        'ko',
        'papers.decisionAccepted',
        '제18차 세계 클러스터 경쟁력 총회: 제출하신 "Clusters after the crisis"이(가) 채택되었습니다',
      ],
      [
        'carol@example.org',
        'en',
        'papers.decisionAccepted',
        '18th TCI Global Conference: your submission "Clusters after the crisis" was accepted',
      ],
    ]);
    expect(mails[0]!.text).toContain(': 구두 발표 채택.');
    expect(mails[1]!.text).toContain(': Accepted as oral presentation.');
    expect(mails[1]!.text).toContain(link(accepted));
    const reject = await h.caller(admin).decisions.previewMail({ eventId, submissionId: rejected });
    expect(reject.mails.map((m) => [m.to, m.template])).toEqual([
      ['alice@example.org', 'papers.decisionRejected'],
    ]);
    // A preview sends nothing.
    const queued = await h.runtime.db
      .select({ to: schema.mailOutbox.toAddress })
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.template, 'papers.decisionAccepted'));
    expect(queued).toEqual([]);
  });

  it('sends the notices through the queue on release, one per confirmed author, none to Bob', async () => {
    expect(await h.caller(admin).decisions.release({ eventId })).toEqual({
      released: 2,
      accepted: 1,
      mails: 3,
    });
    const carol = await smtp.waitFor(
      (m) => m.envelopeTo.includes('carol@example.org') && m.subject.includes('accepted'),
    );
    expect(carol.subject).toBe(
      '18th TCI Global Conference: your submission "Clusters after the crisis" was accepted',
    );
    expect(carol.text).toContain(link(accepted));
    await smtp.waitFor(
      (m) => m.envelopeTo.includes('alice@example.org') && m.subject.includes('A weaker paper'),
    );
    await smtp.waitFor((m) => m.envelopeTo.includes('alice@example.org') && m.subject.includes('채택'));
    const notices = await h.runtime.db
      .select({ to: schema.mailOutbox.toAddress, template: schema.mailOutbox.template })
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.eventId, eventId));
    expect(
      notices
        .filter((n) => n.template.startsWith('papers.decision'))
        .map((n) => `${n.to} ${n.template}`)
        .sort(),
    ).toEqual([
      'alice@example.org papers.decisionAccepted',
      'alice@example.org papers.decisionRejected',
      'carol@example.org papers.decisionAccepted',
    ]);
    expect(
      smtp.messages.some((m) => m.envelopeTo.includes('bob@example.org') && m.subject.includes('accepted')),
    ).toBe(false);
  });
});
