import { pickLocaleWithLang, type Locale } from '@plenary/ui';
import type { PublicEventDto } from '@plenary/contracts/schemas';

/** Text for an HTML attribute or element: every character that could end one is escaped. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * JSON to put inside <script type="application/json">: `<`, `>` and `&` become \u escapes,
 * so no value (a description holding "</script>" or "<!--") can end the element early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** A page's own address in one language: the same path with ?lang=, so each language has one URL. */
export function pageUrl(origin: string, path: string, locale: Locale): string {
  return `${origin}${path}?lang=${locale}`;
}

/** One line of about 160 characters for search results and link previews. */
export function summary(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut}…`;
}

export interface HeadInput {
  origin: string;
  /** The page's path without query, e.g. /events/tci-2015. */
  path: string;
  locale: Locale;
  title: string;
  description: string;
  /** The event the page is about; its title and description make the link preview. */
  event: PublicEventDto | null;
  /** A page that does not exist is not indexed and names no canonical address. */
  indexable: boolean;
}

/**
 * The <head> tags of a rendered page: title, description, canonical and hreflang
 * addresses (ko, en and the language-neutral x-default), and Open Graph tags so a
 * link shared in a messenger shows the event. Every value is escaped here.
 */
export function pageHead(input: HeadInput): string {
  const { origin, path, locale } = input;
  const tags = [
    `<title>${escapeHtml(input.title)}</title>`,
    `<meta name="description" content="${escapeHtml(input.description)}">`,
  ];
  if (!input.indexable) {
    tags.push('<meta name="robots" content="noindex">');
    return tags.join('\n    ');
  }
  const url = pageUrl(origin, path, locale);
  tags.push(
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    `<link rel="alternate" hreflang="ko" href="${escapeHtml(pageUrl(origin, path, 'ko'))}">`,
    `<link rel="alternate" hreflang="en" href="${escapeHtml(pageUrl(origin, path, 'en'))}">`,
    `<link rel="alternate" hreflang="x-default" href="${escapeHtml(origin + path)}">`,
    `<meta property="og:type" content="${input.event ? 'article' : 'website'}">`,
    `<meta property="og:site_name" content="Plenary">`,
    `<meta property="og:url" content="${escapeHtml(url)}">`,
    `<meta property="og:title" content="${escapeHtml(input.event ? eventTitle(input.event, locale) : input.title)}">`,
    `<meta property="og:description" content="${escapeHtml(input.description)}">`,
    `<meta property="og:locale" content="${locale === 'ko' ? 'ko_KR' : 'en_US'}">`,
    `<meta property="og:locale:alternate" content="${locale === 'ko' ? 'en_US' : 'ko_KR'}">`,
    `<meta name="twitter:card" content="summary">`,
  );
  return tags.join('\n    ');
}

export function eventTitle(event: PublicEventDto, locale: Locale): string {
  return pickLocaleWithLang(event.title, locale).text;
}

/** An event's one-line description: its subtitle, else the start of its description. */
export function eventSummary(event: PublicEventDto, locale: Locale): string {
  const subtitle = pickLocaleWithLang(event.subtitle, locale).text;
  const description = pickLocaleWithLang(event.description, locale).text;
  return summary([subtitle, description].filter(Boolean).join(' · ') || eventTitle(event, locale));
}
