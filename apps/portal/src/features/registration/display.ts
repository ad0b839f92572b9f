import type { Locale } from '@plenary/ui';

const intlLocale: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

/** A fee stored in the currency's minor unit (KRW has none: 50000 is ₩50,000; USD 12000 is $120.00). */
export function formatFee(amount: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 0;
  return format.format(amount / 10 ** digits);
}

/** The person's name as they wrote it, family name first in Korean. */
export function displayName(p: { givenName: string; familyName: string }, locale: Locale): string {
  return locale === 'ko' ? `${p.familyName} ${p.givenName}` : `${p.givenName} ${p.familyName}`;
}

/** Saves a generated file (base64 from the API) through a temporary link. */
export function saveFile(file: { filename: string; contentType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
