import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { FileDto } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { addRegistration, createDeskFixture, type CreatedPerson, type DeskFixture } from './desk.fixtures';
import { canPrint, fontPaths, printable } from './pdf/fonts';

let h: TestHarness;
let f: DeskFixture;

beforeAll(async () => {
  h = await createHarness();
  f = await createDeskFixture(h, 'docs');
});
afterAll(() => h.close());

const as = (p: CreatedPerson) => h.caller(null, {}, { linkToken: p.linkToken });
const mm = (pt: number) => Math.round((pt * 25.4) / 72);

async function open(file: FileDto) {
  expect(file.contentType).toBe('application/pdf');
  const bytes = Buffer.from(file.base64, 'base64');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const sizes = doc.getPages().map((p) => `${mm(p.getWidth())}x${mm(p.getHeight())}`);
  return { doc, sizes, bytes };
}

function fontDicts(doc: PDFDocument): PDFDict[] {
  const out: PDFDict[] = [];
  for (const page of doc.getPages()) {
    const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fonts?.entries() ?? []) out.push(doc.context.lookup(ref, PDFDict));
  }
  return out;
}

/** The names of the fonts a PDF embeds, without the subset tag: both NanumGothic weights. */
function fontNames(doc: PDFDocument): string[] {
  const names = fontDicts(doc).map((d) =>
    (d.get(PDFName.of('BaseFont'))?.toString() ?? '').replace(/-\d+$/, ''),
  );
  return [...new Set(names)].sort();
}

/**
 * Every character drawn, read back from the fonts' ToUnicode maps (what a PDF
 * reader uses to copy text): proof that the name's glyphs are in the file.
 */
function drawnCharacters(doc: PDFDocument): Set<string> {
  const chars = new Set<string>();
  for (const dict of fontDicts(doc)) {
    const stream = doc.context.lookup(dict.get(PDFName.of('ToUnicode')));
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = inflateSync(stream.getContents()).toString('latin1');
    for (const [, hex] of cmap.matchAll(/<[0-9A-F]+> <([0-9A-F]{4,8})>/gi)) {
      chars.add(
        Buffer.from(hex ?? '', 'hex')
          .swap16()
          .toString('utf16le'),
      );
    }
  }
  return chars;
}

const drawn = (doc: PDFDocument, value: string) =>
  [...value.replace(/\s/g, '')].every((ch) => drawnCharacters(doc).has(ch));

describe('fonts', () => {
  it('finds NanumGothic from the source and from where the bundle runs (apps/server/dist/main.js)', () => {
    const paths = fontPaths();
    expect(Object.values(paths).map((p) => existsSync(p))).toEqual(Array(12).fill(true));
    const fromDist = createRequire(fileURLToPath(new URL('../../../dist/main.js', import.meta.url)));
    expect(
      existsSync(fromDist.resolve('@expo-google-fonts/nanum-gothic/400Regular/NanumGothic_400Regular.ttf')),
    ).toBe(true);
  });

  it('prints Hangul, Latin, Chinese, Japanese, Thai and Arabic, and replaces what no face has with "?"', () => {
    expect(canPrint('홍길동 Hong Gildong')).toBe(true);
    expect(canPrint('محمد')).toBe(true);
    expect(canPrint('王小明 山田はなこ สมชาย')).toBe(true);
    expect(printable('བོད Ali')).toBe('??? Ali');
    expect(printable('a\tb`c')).toBe("a b'c");
    // Accented Latin, Greek, Cyrillic and Vietnamese come from Noto Sans, like plain Latin.
    expect(canPrint('Núria Dvořák Ελένη Мария Nguyễn François')).toBe(true);
  });
});

describe('participant documents', () => {
  it('issues the ticket once confirmed: one A4 page, Latin in Noto Sans and Hangul in NanumGothic', async () => {
    const p = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'Gildong',
      familyName: 'Hong',
      localName: '홍길동',
      locale: 'ko',
    });
    const file = await as(p).documents.myTicket();
    expect(file.filename).toBe(`ticket-${p.reference}.pdf`);
    const { doc, sizes } = await open(file);
    expect(sizes).toEqual(['210x297']);
    expect(doc.getTitle()).toBe('입장권: Gildong Hong');
    expect(doc.getSubject()).toBe('제18차 세계 클러스터 경쟁력 총회');
    expect(doc.getKeywords()).toBe(`${p.reference} Gildong Hong 홍길동`);
    expect(fontNames(doc)).toEqual(['/NanumGothic', '/NanumGothicBold', '/NotoSans-Bold', '/NotoSans-Regular']);
    expect(drawn(doc, `Gildong Hong 홍길동 ${p.reference}`)).toBe(true);
    expect(drawn(doc, '세계 클러스터 경쟁력 총회')).toBe(true);

    const pending = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'Wait',
      familyName: 'Ing',
      status: 'pending',
    });
    const err = await errorOf(as(pending).documents.myTicket());
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('The ticket is issued once the registration is confirmed');
  });

  it('prints an Arabic name and organisation on the ticket in Noto Sans Arabic, beside the Latin name', async () => {
    const p = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'Mohammed',
      familyName: 'Al-Rashid',
      localName: 'محمد الراشد',
      organisation: 'وزارة الاقتصاد',
      country: 'AE',
    });
    const { doc } = await open(await as(p).documents.myTicket());
    expect(doc.getKeywords()).toBe(`${p.reference} Mohammed Al-Rashid محمد الراشد`);
    expect(drawn(doc, 'Mohammed Al-Rashid')).toBe(true);
    expect(drawn(doc, 'محمد الراشد')).toBe(true);
    expect(fontNames(doc)).toContain('/NotoSansArabic-Bold');
    expect(drawnCharacters(doc).has('?')).toBe(false);
  });

  it('issues a receipt only for a fee that is paid or waived, with amounts in KRW', async () => {
    const paid = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.business,
      givenName: 'Paid',
      familyName: 'Buyer',
      paymentStatus: 'paid',
      paymentReference: 'INV-2015-0042',
      paidAt: new Date('2015-10-20T03:00:00Z'),
    });
    const receipt = await as(paid).documents.myReceipt();
    expect(receipt.filename).toBe(`receipt-${paid.reference}.pdf`);
    const { doc, sizes } = await open(receipt);
    expect(sizes).toEqual(['210x297']);
    expect(doc.getTitle()).toBe(`Receipt ${paid.reference}: Paid Buyer`);
    expect(drawn(doc, 'KRW 300,000 INV-2015-0042 20 October 2015 Paid Buyer')).toBe(true);

    const waived = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.business,
      givenName: 'Waived',
      familyName: 'Guest',
      paymentStatus: 'waived',
    });
    await open(await h.caller(f.staff).documents.receipt({ eventId: f.eventId, registrationId: waived.id }));

    const unpaid = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.business,
      givenName: 'Un',
      familyName: 'Paid',
      paymentStatus: 'unpaid',
    });
    expect((await errorOf(as(unpaid).documents.myReceipt())).message).toBe(
      'A receipt is issued once the fee is paid or waived',
    );
    const free = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'No',
      familyName: 'Fee',
    });
    expect((await errorOf(as(free).documents.myReceipt())).message).toBe(
      'This registration has no fee, so there is no receipt',
    );
    const elsewhere = await addRegistration(h, {
      eventId: f.otherEventId,
      categoryId: f.categories.otherEvent,
      givenName: 'Else',
      familyName: 'Where',
    });
    expect(
      (
        await errorOf(
          h.caller(f.staff).documents.receipt({ eventId: f.eventId, registrationId: elsewhere.id }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('refuses the visa letter before a request exists', async () => {
    const p = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'No',
      familyName: 'Visa',
    });
    expect((await errorOf(as(p).documents.myVisaLetter())).code).toBe('NOT_FOUND');
  });
});

describe('badges and letters for staff', () => {
  it('prints badges in the order given: four per A4 page, or one per A6 page', async () => {
    const people: CreatedPerson[] = [];
    const names: Array<[string, string, string | null]> = [
      ['Christian', 'Ketels', null],
      ['Minji', 'Kim', '김민지'],
      ['Fatima', 'Haddad', 'فاطمة'],
      ['Xiaoming', 'Wang', '王小明'],
      ['Jan', 'de Vries', null],
      ['Núria', 'Dvořák', null],
    ];
    for (const [given, family, local] of names) {
      people.push(
        await addRegistration(h, {
          eventId: f.eventId,
          categoryId: f.categories.government,
          givenName: given,
          familyName: family,
          localName: local,
        }),
      );
    }
    const ids = people.map((p) => p.id).reverse();
    const a4 = await h.caller(f.staff).documents.badges({ eventId: f.eventId, registrationIds: ids });
    expect(a4.filename).toBe('badges-6.pdf');
    const sheet = await open(a4);
    expect(sheet.sizes).toEqual(['210x297', '210x297']);
    expect(sheet.doc.getKeywords()).toBe(
      people
        .map((p) => p.reference)
        .reverse()
        .join(' '),
    );
    expect(
      drawn(
        sheet.doc,
        'Christian Ketels Minji Kim 김민지 Jan de Vries Fatima Haddad Xiaoming Wang GOVERNMENT',
      ),
    ).toBe(true);

    const a6 = await open(
      await h.caller(f.staff).documents.badges({ eventId: f.eventId, registrationIds: ids, layout: 'a6' }),
    );
    expect(a6.sizes).toEqual(Array(6).fill('105x148'));

    const one = await h
      .caller(f.staff)
      .documents.badges({ eventId: f.eventId, registrationIds: [people[1]?.id ?? ''], layout: 'a6' });
    expect(one.filename).toBe(`badge-${people[1]?.reference}.pdf`);
    expect((await open(one)).doc.getSubject()).toBe('Minji Kim');
  });

  it('refuses a batch with another event’s registration as NOT_FOUND, and more than 1000', async () => {
    const mine = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'Mine',
      familyName: 'Badge',
    });
    const elsewhere = await addRegistration(h, {
      eventId: f.otherEventId,
      categoryId: f.categories.otherEvent,
      givenName: 'Else',
      familyName: 'Badge',
    });
    const err = await errorOf(
      h.caller(f.staff).documents.badges({ eventId: f.eventId, registrationIds: [mine.id, elsewhere.id] }),
    );
    expect(err.code).toBe('NOT_FOUND');
    const tooMany = Array.from({ length: 1001 }, () => mine.id);
    expect(
      (await errorOf(h.caller(f.staff).documents.badges({ eventId: f.eventId, registrationIds: tooMany })))
        .code,
    ).toBe('BAD_REQUEST');
  });

  it('prints a visa letter for an approved request to owners and admins, not to desk staff', async () => {
    const p = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'An',
      familyName: 'Nguyen',
      country: 'VN',
    });
    const req = await as(p).visa.request({
      passportName: 'NGUYEN VAN AN',
      passportNumber: 'C1234567',
      nationality: 'VN',
      dateOfBirth: '1980-04-12',
      embassy: 'Embassy of the Republic of Korea in Hanoi',
    });
    expect(
      (await errorOf(h.caller(f.owner).documents.visaLetter({ eventId: f.eventId, requestId: req.id }))).code,
    ).toBe('CONFLICT');
    await h.caller(f.owner).visa.decide({ eventId: f.eventId, requestId: req.id, decision: 'approve' });
    expect(
      (await errorOf(h.caller(f.staff).documents.visaLetter({ eventId: f.eventId, requestId: req.id }))).code,
    ).toBe('FORBIDDEN');
    const letter = await h.caller(f.owner).documents.visaLetter({ eventId: f.eventId, requestId: req.id });
    const { doc, sizes } = await open(letter);
    expect(sizes).toEqual(['210x297']);
    expect(doc.getTitle()).toBe('Letter of invitation: NGUYEN VAN AN');
    expect(doc.getSubject()).toBe('18th TCI Global Conference');
    expect(
      drawn(
        doc,
        'NGUYEN VAN AN C1234567 Vietnam 12 April 1980 Embassy of the Republic of Korea in Hanoi Kang Nam-hoon',
      ),
    ).toBe(true);
  });
});
