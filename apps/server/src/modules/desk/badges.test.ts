import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';
import type { FileDto } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { addRegistration, createDeskFixture, type DeskFixture } from './desk.fixtures';
import { createPdf } from './pdf/fonts';

/** Badges: only for confirmed registrations, and every script a registration accepts. */

let h: TestHarness;
let f: DeskFixture;

beforeAll(async () => {
  h = await createHarness();
  f = await createDeskFixture(h, 'badges');
});
afterAll(() => h.close());

async function open(file: FileDto) {
  return PDFDocument.load(Buffer.from(file.base64, 'base64'), { updateMetadata: false });
}

function pageFonts(doc: PDFDocument, page: PDFPage): Array<{ name: string; dict: PDFDict }> {
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  return [...(fonts?.entries() ?? [])].map(([, ref]) => {
    const dict = doc.context.lookup(ref, PDFDict);
    // BaseFont is "/ABCDEF+Name" for a subset, "/Name-12345" as pdf-lib tags it.
    const name = (dict.get(PDFName.of('BaseFont'))?.toString() ?? '').replace(/^\/([A-Z]{6}\+)?/, '');
    return { name: name.replace(/-\d+$/, ''), dict };
  });
}

/** The characters each font of a page draws, from its ToUnicode map. */
function charactersByFont(doc: PDFDocument, page: PDFPage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, dict } of pageFonts(doc, page)) {
    const stream = doc.context.lookup(dict.get(PDFName.of('ToUnicode')));
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = inflateSync(stream.getContents()).toString('latin1');
    let chars = '';
    for (const [, hex] of cmap.matchAll(/<[0-9A-F]+> <([0-9A-F]{4,8})>/gi)) {
      chars += Buffer.from(hex ?? '', 'hex').swap16().toString('utf16le');
    }
    out[name] = [...new Set(chars)].sort().join('');
  }
  return out;
}

const has = (chars: string | undefined, text: string) =>
  [...text.replace(/\s/g, '')].every((ch) => (chars ?? '').includes(ch));

describe('who gets a badge', () => {
  it('refuses cancelled, unapproved and waiting registrations, naming them, and prints nothing', async () => {
    const ok = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'Able',
      familyName: 'Confirmed',
    });
    const refused = [];
    for (const status of ['cancelled', 'pending', 'waitlisted', 'offered', 'rejected'] as const) {
      refused.push({
        status,
        person: await addRegistration(h, {
          eventId: f.eventId,
          categoryId: f.categories.government,
          givenName: 'Not',
          familyName: status,
          status,
        }),
      });
    }
    for (const { status, person } of refused) {
      const err = await errorOf(
        h.caller(f.staff).documents.badges({ eventId: f.eventId, registrationIds: [ok.id, person.id] }),
      );
      expect([err.code, err.message]).toEqual([
        'CONFLICT',
        `Badges are printed for confirmed registrations only: ${person.reference} is ${status}`,
      ]);
    }
    const one = await h.caller(f.staff).documents.badges({ eventId: f.eventId, registrationIds: [ok.id] });
    expect(one.filename).toBe(`badge-${ok.reference}.pdf`);
  });
});

describe('the scripts on a badge', () => {
  it('prints Korean, Chinese, Japanese, Thai and Arabic names, each line in one typeface', async () => {
    const people = [
      { givenName: 'Núria', familyName: 'Dvořák Puig', localName: null, organisation: 'Clusters de Catalunya' },
      { givenName: 'Gil-dong', familyName: 'Hong', localName: '홍길동', organisation: '한국산업단지공단' },
      { givenName: 'Xiaoming', familyName: 'Wang', localName: '王小明', organisation: '苏州工业园区' },
      { givenName: 'Hanako', familyName: 'Yamada', localName: '山田はなこ', organisation: 'Kyushu Cluster' },
      { givenName: 'Somchai', familyName: 'Jaidee', localName: 'สมชาย ใจดี', organisation: 'NSTDA' },
      { givenName: 'Mohammed', familyName: 'Al-Rashid', localName: 'محمد الراشد', organisation: 'وزارة الاقتصاد' },
    ];
    const ids: string[] = [];
    for (const p of people) {
      ids.push((await addRegistration(h, { eventId: f.eventId, categoryId: f.categories.government, ...p })).id);
    }
    const file = await h.caller(f.staff).documents.badges({ eventId: f.eventId, registrationIds: ids, layout: 'a6' });
    // Kept for a look with pdftoppm when BADGE_PDF is set; the assertions below read the fonts.
    if (process.env.BADGE_PDF) writeFileSync(process.env.BADGE_PDF, Buffer.from(file.base64, 'base64'));
    const doc = await open(file);
    const pages = doc.getPages().map((page) => charactersByFont(doc, page));
    // Accented and plain Latin from one typeface: no second font for "ú" or "ř".
    expect(Object.keys(pages[0]!).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    expect(has(pages[0]!['NotoSans-Bold'], 'Núria Dvořák Puig GOVERNMENT')).toBe(true);
    expect(has(pages[1]!['NanumGothicBold'], '홍길동')).toBe(true);
    expect(has(pages[1]!['NanumGothic'], '한국산업단지공단')).toBe(true);
    expect(has(pages[1]!['NotoSans-Bold'], 'Gil-dongHong')).toBe(true);
    expect(has(pages[2]!['NotoSansSC-Bold'], '王小明')).toBe(true);
    expect(has(pages[2]!['NotoSansSC-Regular'], '苏州工业园区')).toBe(true);
    expect(has(pages[3]!['NotoSansJP-Bold'], '山田はなこ')).toBe(true);
    expect(has(pages[4]!['NotoSansThai-Bold'], 'สมชายใจดี')).toBe(true);
    expect(has(pages[5]!['NotoSansArabic-Bold'], 'محمدالراشد')).toBe(true);
    // Zain is drawn as reh plus a dot (two glyphs, neither mapped back to zain): checked on the rendered page instead.
    expect(has(pages[5]!['NotoSansArabic-Regular'], 'وارةالاقتصد')).toBe(true);
    // The Latin name is never drawn in the Arabic, Thai or CJK faces.
    for (const page of pages) {
      for (const [font, chars] of Object.entries(page)) {
        if (!font.startsWith('NotoSans-')) expect([font, /[A-Za-z]/.test(chars)]).toEqual([font, false]);
      }
    }
  });

  it('joins Arabic letters in their contextual forms, laid out right to left', async () => {
    const kit = await createPdf({ title: 't', subject: 's', keywords: [], now: new Date(0) }, ['محمد']);
    const arabic = kit.bold.fonts.arabic!;
    const glyphs = (text: string) => arabic.encodeText(text).asString();
    const isolated = [...'محمد'].map(glyphs);
    // Shaped: not the isolated letters side by side, in either order.
    expect(glyphs('محمد')).not.toBe(isolated.join(''));
    expect(glyphs('محمد')).not.toBe([...isolated].reverse().join(''));
    // Drawn left to right, the last letter (dal, final form) comes first.
    expect(glyphs('محمد').slice(0, 4)).not.toBe(glyphs('د'));
    expect(glyphs('محمد').length).toBe(16);
  });
});
