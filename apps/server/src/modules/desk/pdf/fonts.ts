import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { repairTrueType } from './font-repair';

/**
 * Two typefaces cover the names of an international conference: NanumGothic for
 * Hangul and plain Latin, Noto Sans for the Latin letters with diacritics that
 * NanumGothic lacks (Núria, François, Dvořák), and for Greek, Cyrillic and
 * Vietnamese. Neither has Arabic, Chinese or Devanagari (see printable).
 *
 * The packages are resolved at run time, so the same code finds the files from the
 * TypeScript source and from the tsup bundle (npm packages stay external there and
 * are installed beside it).
 */
const require = createRequire(import.meta.url);
const fontFiles = {
  regular: '@expo-google-fonts/nanum-gothic/400Regular/NanumGothic_400Regular.ttf',
  bold: '@expo-google-fonts/nanum-gothic/700Bold/NanumGothic_700Bold.ttf',
  fallbackRegular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  fallbackBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;
type FontFile = keyof typeof fontFiles;

type Coverage = ReturnType<typeof fontkit.create>;
let cache: { bytes: Record<FontFile, Uint8Array>; primary: Coverage; fallback: Coverage } | null = null;

function fonts() {
  if (!cache) {
    const bytes = Object.fromEntries(
      (Object.keys(fontFiles) as FontFile[]).map((k) => [
        k,
        repairTrueType(readFileSync(require.resolve(fontFiles[k]))),
      ]),
    ) as Record<FontFile, Uint8Array>;
    cache = {
      bytes,
      primary: fontkit.create(bytes.regular),
      fallback: fontkit.create(bytes.fallbackRegular),
    };
  }
  return cache;
}

/** The paths the fonts are read from (for the tests). */
export function fontPaths(): Record<FontFile, string> {
  return Object.fromEntries(
    (Object.keys(fontFiles) as FontFile[]).map((k) => [k, require.resolve(fontFiles[k])]),
  ) as Record<FontFile, string>;
}

/** Which typeface draws a character: 'primary' (NanumGothic), 'fallback' (Noto Sans), or null. */
export function faceFor(ch: string): 'primary' | 'fallback' | null {
  const cp = ch.codePointAt(0) ?? 0;
  const { primary, fallback } = fonts();
  if (primary.hasGlyphForCodePoint(cp)) return 'primary';
  if (fallback.hasGlyphForCodePoint(cp)) return 'fallback';
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
 * character neither font has becomes its base letter when that can be printed
 * (an accent no font has), else "?". Arabic, Thai and Chinese come out as "?":
 * there are no glyphs for them, and pdf-lib does no right-to-left layout, so
 * drawing them would give empty boxes or letters in the wrong order.
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
 * The text when the fonts can draw most of it, else null: an organisation written
 * in Arabic would print as a row of question marks, which helps nobody.
 */
export function printableOrNull(value: string | null): string | null {
  if (!value) return null;
  const letters = [...value].filter((ch) => !/\s/.test(ch));
  const missing = letters.filter((ch) => !canPrint(ch)).length;
  return missing * 2 > letters.length ? null : value;
}

/** One weight: NanumGothic with Noto Sans for what it lacks. */
export interface Face {
  primary: PDFFont;
  fallback: PDFFont;
}

export interface PdfKit {
  doc: PDFDocument;
  regular: Face;
  bold: Face;
}

/** A new document with both weights embedded as subsets (only the glyphs used are stored). */
export async function createPdf(meta: {
  title: string;
  subject: string;
  keywords: string[];
  now: Date;
}): Promise<PdfKit> {
  const { bytes } = fonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, bold, fallbackRegular, fallbackBold] = await Promise.all(
    [bytes.regular, bytes.bold, bytes.fallbackRegular, bytes.fallbackBold].map((b) =>
      doc.embedFont(b, { subset: true }),
    ),
  );
  if (!regular || !bold || !fallbackRegular || !fallbackBold) throw new Error('fonts not embedded');
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setProducer('Plenary');
  doc.setCreator('Plenary');
  doc.setCreationDate(meta.now);
  doc.setModificationDate(meta.now);
  return {
    doc,
    regular: { primary: regular, fallback: fallbackRegular },
    bold: { primary: bold, fallback: fallbackBold },
  };
}
