import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Actor } from '@plenary/contracts';
import { createHarness, errorOf, tciEvent, type AppCaller, type TestHarness } from '../../testing/harness';
import {
  insertCategory,
  insertChoice,
  insertOption,
  insertRegistration,
} from '../registration/queries/fixtures';

let h: TestHarness;
let api: AppCaller;
let eventId: string;
let gov: string;

const header = [
  'Reference',
  'Status',
  'Category',
  'Given name',
  'Family name',
  'Local name',
  'Email',
  'Organisation',
  'Job title',
  'Country code',
  'Country',
  'Phone',
  'Dietary',
  'Accessibility',
  'Options',
  'Payment',
  'Payment reference',
  'Visa letter',
  'Checked in (Asia/Seoul)',
  'Created (Asia/Seoul)',
];
const minjun = [
  'R001',
  'Confirmed',
  'Government',
  'Minjun',
  'Kim',
  '김민준',
  'minjun@kicox.example',
  'KICOX',
  'Director',
  'KR',
  'South Korea',
  '+82 10 1234 5678',
  'Halal',
  '',
  'Dinner; Cluster tour (waitlisted)',
  'Paid',
  'INV-7',
  '',
  '2015-11-03 08:45',
  '2015-09-02 08:30',
];
const formula = [
  'R002',
  'Pending',
  'Government',
  'Anna',
  'Schmidt',
  '',
  'anna@example.de',
  '\'=HYPERLINK("http://x")',
  '',
  'DE',
  'Germany',
  '',
  '',
  '',
  '',
  'Not required',
  '',
  '',
  '',
  '2015-09-03 09:00',
];

beforeAll(async () => {
  h = await createHarness();
  const admin: Actor = await h.signUp('admin@kicox.example', { platformAdmin: true });
  api = h.caller(admin);
  eventId = (await api.events.create(tciEvent)).id;
  const db = h.runtime.db;
  gov = await insertCategory(db, eventId, 'GOV', { label: { ko: '정부', en: 'Government' } });
  const press = await insertCategory(db, eventId, 'PRESS');
  const tour = await insertOption(db, eventId, 'TOUR', {
    label: { ko: '클러스터 투어', en: 'Cluster tour' },
    position: 2,
  });
  const dinner = await insertOption(db, eventId, 'DINNER', { label: { en: 'Dinner' }, position: 1 });
  const a = await insertRegistration(db, eventId, gov, {
    reference: 'R001',
    email: 'minjun@kicox.example',
    localName: '김민준',
    jobTitle: 'Director',
    phone: '+82 10 1234 5678',
    dietary: 'Halal',
    paymentStatus: 'paid',
    paymentReference: 'INV-7',
    createdAt: new Date('2015-09-01T23:30:00Z'),
    checkedInAt: new Date('2015-11-02T23:45:00Z'),
  });
  await insertChoice(db, a, tour, 'waitlisted');
  await insertChoice(db, a, dinner, 'booked');
  await insertRegistration(db, eventId, gov, {
    reference: 'R002',
    status: 'pending',
    email: 'anna@example.de',
    givenName: 'Anna',
    familyName: 'Schmidt',
    organisation: '=HYPERLINK("http://x")',
    country: 'DE',
    createdAt: new Date('2015-09-03T00:00:00Z'),
  });
  await insertRegistration(db, eventId, press, {
    reference: 'R003',
    createdAt: new Date('2015-09-04T00:00:00Z'),
  });
});
afterAll(() => h.close());

describe('participant list export', () => {
  it('writes CSV in UTF-8 with a BOM, the list filters and order, and formulas defused', async () => {
    const file = await api.exports.registrations({
      eventId,
      format: 'csv',
      locale: 'en',
      categoryIds: [gov],
      sort: 'reference',
      direction: 'asc',
    });
    expect(file.filename).toMatch(/^tci-2015-registrations-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
    // In CSV a leading + is defused too, the phone number included; XLSX keeps it as it is.
    const minjunCsv = minjun.map((v) => (v.startsWith('+') ? `'${v}` : v));
    expect(parsed.data).toEqual([header, minjunCsv, formula]);
  });

  it('writes XLSX with a bold, frozen header row that exceljs reads back', async () => {
    const file = await api.exports.registrations({
      eventId,
      format: 'xlsx',
      locale: 'en',
      search: 'kicox',
      sort: 'reference',
      direction: 'asc',
    });
    expect(file.filename).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Registrations');
    if (!sheet) throw new Error('no sheet');
    const values = (n: number) =>
      (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v ?? '') as string);
    expect(sheet.rowCount).toBe(3);
    expect(values(1)).toEqual(header);
    expect(values(2)).toEqual(minjun);
    expect(values(3)[0]).toBe('R003');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(7).width).toBe(30);
  });

  it('writes just the header when nothing matches', async () => {
    const file = await api.exports.registrations({ eventId, format: 'csv', search: 'nobody-at-all' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text).toBe(`\uFEFF${header.join(',')}\r\n`);
  });

  it('defuses every value a spreadsheet would run as a formula, in every column (OWASP)', async () => {
    const evil = await insertCategory(h.runtime.db, eventId, 'EVIL', { label: { ko: '=1+1', en: '=1+1' } });
    await insertRegistration(h.runtime.db, eventId, evil, {
      reference: 'R666',
      email: 'evil@example.org',
      givenName: '-1+HYPERLINK("http://x")',
      familyName: '+1 cmd|calc',
      localName: '@SUM(A1)',
      organisation: '\t=1+1',
      jobTitle: '\r=1+1',
      phone: '+82 10 0000 0000',
      dietary: '- none',
      createdAt: new Date('2015-09-05T00:00:00Z'),
    });
    const csv = await api.exports.registrations({
      eventId,
      format: 'csv',
      locale: 'en',
      categoryIds: [evil],
    });
    const [, row] = Papa.parse<string[]>(Buffer.from(csv.base64, 'base64').toString('utf8').slice(1), {
      skipEmptyLines: true,
    }).data;
    expect(row?.slice(0, 13)).toEqual([
      'R666',
      'Confirmed',
      "'=1+1",
      '\'-1+HYPERLINK("http://x")',
      "'+1 cmd|calc",
      "'@SUM(A1)",
      'evil@example.org',
      "'\t=1+1",
      "'\r=1+1",
      'KR',
      'South Korea',
      "'+82 10 0000 0000",
      "'- none",
    ]);
    // In XLSX every value is a typed text cell: none is a formula, and it reads back as written.
    const xlsx = await api.exports.registrations({
      eventId,
      format: 'xlsx',
      locale: 'en',
      categoryIds: [evil],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const cells = workbook.getWorksheet('Registrations')?.getRow(2);
    expect([3, 4, 5, 6, 8, 9, 12, 13].map((c) => [cells?.getCell(c).type, cells?.getCell(c).value])).toEqual(
      [
        '=1+1',
        '-1+HYPERLINK("http://x")',
        '+1 cmd|calc',
        '@SUM(A1)',
        '\t=1+1',
        // XML turns a carriage return into a line feed; the text is still text.
        '\n=1+1',
        '+82 10 0000 0000',
        '- none',
      ].map((v) => [ExcelJS.ValueType.String, v]),
    );
  });

  it('is for the desk and managers only', async () => {
    const stranger = await h.signUp('stranger@example.org');
    expect((await errorOf(h.caller(stranger).exports.registrations({ eventId, format: 'csv' }))).code).toBe(
      'FORBIDDEN',
    );
  });
});
