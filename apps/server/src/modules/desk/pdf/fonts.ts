import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { repairTrueType } from './font-repair';

/**
 * One typeface per script, so a line is drawn in one face: Noto Sans for Latin
 * (plain and accented alike: "Núria" must not look like two fonts), Greek and
 * Cyrillic; NanumGothic for Hangul; Noto Sans SC for Chinese; Noto Sans JP for
 * Japanese; Noto Sans Thai; Noto Sans Arabic. fontkit (inside pdf-lib) applies the
 * fonts' contextual forms and lays Arabic out right to left.
 *
 * The CJK files are large (5-10 MB), so a face is read only when some text needs
 * it, and a document embeds only the faces its texts need (as subsets).
 *
 * The packages are resolved at run time, so the same code finds the files from the
 * TypeScript source and from the tsup bundle (npm packages stay external there and
 * are installed beside it).
 */
const require = createRequire(import.meta.url);
export const faceNames = ['latin', 'hangul', 'sc', 'jp', 'thai', 'arabic'] as const;
export type FaceName = (typeof faceNames)[number];
type Weight = 'regular' | 'bold';

const fontFiles: Record<FaceName, Record<Weight, string>> = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  hangul: {
    regular: '@expo-google-fonts/nanum-gothic/400Regular/NanumGothic_400Regular.ttf',
    bold: '@expo-google-fonts/nanum-gothic/700Bold/NanumGothic_700Bold.ttf',
  },
  sc: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  jp: {
    regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  },
  thai: {
    regular: '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
};

type Coverage = ReturnType<typeof fontkit.create>;
const bytesCache = new Map<string, Uint8Array>();
const coverageCache = new Map<FaceName, Coverage>();

function bytesOf(face: FaceName, weight: Weight): Uint8Array {
  const key = `${face}/${weight}`;
  let bytes = bytesCache.get(key);
  if (!bytes) {
    // Every face gets the glyf/loca repair: fontkit's subsetter trips on odd-length glyphs in any of them.
    bytes = repairTrueType(readFileSync(require.resolve(fontFiles[face][weight])));
    bytesCache.set(key, bytes);
  }
  return bytes;
}

function coverage(face: FaceName): Coverage {
  let c = coverageCache.get(face);
  if (!c) {
    c = fontkit.create(bytesOf(face, 'regular'));
    coverageCache.set(face, c);
  }
  return c;
}

const covers = (face: FaceName, ch: string) => coverage(face).hasGlyphForCodePoint(ch.codePointAt(0) ?? 0);

/** The paths the fonts are read from (for the tests). */
export function fontPaths(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const face of faceNames) {
    for (const weight of ['regular', 'bold'] as const) out[`${face}/${weight}`] = require.resolve(fontFiles[face][weight]);
  }
  return out;
}

/**
 * The face a line is drawn in, from the scripts it holds: a line with Arabic,
 * Thai, kana, Hangul or Chinese characters takes that script's face (digits and
 * Latin letters beside them come from it too when it has them); anything else is Latin.
 */
export function scriptFace(text: string): FaceName {
  if (/\p{Script=Arabic}/u.test(text)) return 'arabic';
  if (/\p{Script=Thai}/u.test(text)) return 'thai';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'jp';
  if (/\p{Script=Hangul}/u.test(text)) return 'hangul';
  if (/\p{Script=Han}/u.test(text)) return 'sc';
  return 'latin';
}

/** Which face draws a character on its own, or null when none has it. */
export function faceFor(ch: string): FaceName | null {
  const own = scriptFace(ch);
  if (covers(own, ch)) return own;
  if (own !== 'latin' && covers('latin', ch)) return 'latin';
  if (own !== 'hangul' && covers('hangul', ch)) return 'hangul';
  return null;
}

/** True when the fonts draw every character of the text. */
export function canPrint(value: string): boolean {
  for (const ch of value.normalize('NFC')) {
    if (/\s/.test(ch)) continue;
    if (!faceFor(ch)) return false;
  }
  return true;
}

/**
 * The text as it can be printed: spacing characters become spaces, and a
 * character no face has becomes its base letter when that can be printed (an
 * accent no font has), else "?".
 */
export function printable(value: string): string {
  let out = '';
  for (const ch of value.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += ch;
    else if (/\s/.test(ch) || cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
    // NanumGothic draws its grave accent as nothing.
    else if (ch === '`') out += "'";
    else if (faceFor(ch)) out += ch;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && base !== ch && canPrint(base) ? base : '?';
    }
  }
  return out;
}

/**
 * The text when the fonts can draw most of it, else null: a name in a script no
 * face has (Devanagari, say) would print as a row of question marks.
 */
export function printableOrNull(value: string | null): string | null {
  if (!value) return null;
  const letters = [...value].filter((ch) => !/\s/.test(ch));
  const missing = letters.filter((ch) => !canPrint(ch)).length;
  return missing * 2 > letters.length ? null : value;
}

/** The faces a set of texts needs: the line's own face and any a character falls back to. */
export function facesNeeded(texts: Array<string | null | undefined>): Set<FaceName> {
  const needed = new Set<FaceName>(['latin', 'hangul']);
  for (const text of texts) {
    if (!text) continue;
    const line = scriptFace(text);
    needed.add(line);
    for (const ch of text.normalize('NFC')) {
      if (/\s/.test(ch) || covers(line, ch)) continue;
      const face = faceFor(ch);
      if (face) needed.add(face);
    }
  }
  return needed;
}

/** One weight: the faces embedded in this document, by script. */
export interface Face {
  weight: Weight;
  fonts: Partial<Record<FaceName, PDFFont>> & { latin: PDFFont };
}

/** Whether the line's face draws this character (used to split a line into runs). */
export function faceDraws(face: FaceName, ch: string): boolean {
  return covers(face, ch);
}

export interface PdfKit {
  doc: PDFDocument;
  regular: Face;
  bold: Face;
}

/**
 * A new document with the faces its texts need, both weights, embedded as subsets
 * (only the glyphs used are stored). Latin and Hangul are always there: every
 * document's own words are English or Korean. `texts` are what people typed
 * (names, organisations) in whatever script.
 */
export async function createPdf(
  meta: { title: string; subject: string; keywords: string[]; now: Date },
  texts: Array<string | null | undefined> = [],
): Promise<PdfKit> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular: Partial<Record<FaceName, PDFFont>> = {};
  const bold: Partial<Record<FaceName, PDFFont>> = {};
  for (const face of facesNeeded([...texts, meta.title, meta.subject])) {
    regular[face] = await doc.embedFont(bytesOf(face, 'regular'), { subset: true });
    bold[face] = await doc.embedFont(bytesOf(face, 'bold'), { subset: true });
  }
  if (!regular.latin || !bold.latin) throw new Error('fonts not embedded');
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setProducer('Plenary');
  doc.setCreator('Plenary');
  doc.setCreationDate(meta.now);
  doc.setModificationDate(meta.now);
  return {
    doc,
    regular: { weight: 'regular', fonts: { ...regular, latin: regular.latin } },
    bold: { weight: 'bold', fonts: { ...bold, latin: bold.latin } },
  };
}
