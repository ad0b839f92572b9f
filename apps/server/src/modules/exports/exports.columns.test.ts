import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, tciEvent, type AppCaller, type TestHarness } from '../../testing/harness';
import { insertCategory, insertRegistration } from '../registration/queries/fixtures';

/** Every answer and consent as columns, chosen by staff, in the staff member's language. */

let h: TestHarness;
let api: AppCaller;
let eventId: string;

beforeAll(async () => {
  h = await createHarness();
  const admin: Actor = await h.signUp('admin@kicox.example', { platformAdmin: true });
  api = h.caller(admin);
  eventId = (await api.events.create({ ...tciEvent, slug: 'tci-export-columns' })).id;
  const db = h.runtime.db;
  await db.insert(schema.registrationSettings).values({
    eventId,
    questions: [
      {
        id: 'heard_about',
        type: 'singleChoice',
        label: { ko: '알게 된 경로', en: 'How did you hear about us?' },
        help: {},
        required: false,
        choices: [
          { value: 'kicox', label: { ko: '한국산업단지공단', en: 'KICOX' } },
          { value: 'press', label: { ko: '언론', en: 'Press' } },
        ],
        showIf: null,
      },
      {
        id: 'presenting_paper',
        type: 'checkbox',
        label: { ko: '논문 발표', en: 'Presenting a paper?' },
        help: {},
        required: false,
        choices: [],
        showIf: null,
      },
    ],
  });
  await db.insert(schema.consentVersions).values([
    { eventId, kind: 'privacy', version: 2, text: { en: 'p' }, required: true },
    { eventId, kind: 'photography', version: 1, text: { en: 'ph' }, required: false },
  ]);
  const gov = await insertCategory(db, eventId, 'GOV', { label: { ko: '정부', en: 'Government' } });
  await insertRegistration(db, eventId, gov, {
    reference: 'R001',
    status: 'waitlisted',
    answers: { heard_about: 'kicox', presenting_paper: true },
    consents: [{ kind: 'privacy', version: 2, acceptedAt: '2015-09-01T23:30:00.000Z' }],
    paymentStatus: 'unpaid',
  });
});
afterAll(() => h.close());

async function csv(input: { locale: 'ko' | 'en'; columns?: string[] }) {
  const file = await api.exports.registrations({ eventId, format: 'csv', ...input });
  const text = Buffer.from(file.base64, 'base64').toString('utf8').slice(1);
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

describe('export columns', () => {
  it('adds every custom answer and consent (version and time), in Korean for a Korean session', async () => {
    const [head, row] = await csv({ locale: 'ko' });
    const cell = (name: string) => row?.[head?.indexOf(name) ?? -1];
    expect(head?.slice(0, 3)).toEqual(['등록 번호', '상태', '참가 유형']);
    expect(head?.slice(-6)).toEqual([
      '알게 된 경로',
      '논문 발표',
      '개인정보 동의 버전',
      '개인정보 동의 시각 (Asia/Seoul)',
      '사진 촬영 동의 버전',
      '사진 촬영 동의 시각 (Asia/Seoul)',
    ]);
    expect(row?.slice(-6)).toEqual(['한국산업단지공단', '예', '2', '2015-09-02 08:30', '', '']);
    expect([cell('상태'), cell('결제'), cell('국가')]).toEqual(['대기자', '미결제', '대한민국']);
  });

  it('lets staff choose the columns and their order, in English for an English session', async () => {
    const data = await csv({
      locale: 'en',
      columns: ['answer:heard_about', 'reference', 'consent:privacy', 'status'],
    });
    expect(data).toEqual([
      [
        'How did you hear about us?',
        'Reference',
        'Privacy consent version',
        'Privacy consent accepted (Asia/Seoul)',
        'Status',
      ],
      ['KICOX', 'R001', '2', '2015-09-02 08:30', 'Waitlisted'],
    ]);
  });
});
