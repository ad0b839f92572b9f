import type { Locale, LocalizedText } from '@plenary/contracts/schemas';

export interface LocalizedPick {
  text: string;
  /** The language the text is actually in, for a `lang` attribute when it fell back (WCAG 3.1.2). */
  lang: Locale;
}

/** Like pickLocale (wanted language, else the other, else ''), and says which language it picked. */
export function pickLocaleWithLang(text: LocalizedText | null | undefined, locale: Locale): LocalizedPick {
  const other: Locale = locale === 'ko' ? 'en' : 'ko';
  const wanted = text?.[locale];
  if (wanted) return { text: wanted, lang: locale };
  const fallback = text?.[other];
  if (fallback) return { text: fallback, lang: other };
  return { text: '', lang: locale };
}
