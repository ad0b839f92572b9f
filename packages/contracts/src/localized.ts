// Per-field translations, free of zod so the browser can import them without it.

export const locales = ['ko', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Text in Korean and English; either may be missing, and one falls back to the other. */
export type LocalizedText = { ko?: string | undefined; en?: string | undefined };

export interface LocalizedPick {
  text: string;
  /** The language the text is actually in, for a `lang` attribute when it fell back (WCAG 3.1.2). */
  lang: Locale;
}

/** The text in the wanted language, else the other one, else '', saying which language it is. */
export function pickLocaleWithLang(text: LocalizedText | null | undefined, locale: Locale): LocalizedPick {
  const other: Locale = locale === 'ko' ? 'en' : 'ko';
  const wanted = text?.[locale];
  if (wanted) return { text: wanted, lang: locale };
  const fallback = text?.[other];
  if (fallback) return { text: fallback, lang: other };
  return { text: '', lang: locale };
}

/** The text in the wanted language, else the other one, else ''. */
export function pickLocale(text: LocalizedText | null | undefined, locale: Locale): string {
  return pickLocaleWithLang(text, locale).text;
}
