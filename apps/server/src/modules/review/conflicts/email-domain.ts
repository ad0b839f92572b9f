import freeEmailDomains from 'free-email-domains';
import { getDomain } from 'tldts';

/**
 * Public mail services whose users share nothing but the provider: two gmail.com addresses are
 * no conflict. The list is the free-email-domains package (about 14,000 providers, gmail.com,
 * naver.com, daum.net, hanmail.net, outlook.com, yahoo.com, qq.com and 163.com among them).
 */
const publicMailDomains: ReadonlySet<string> = new Set(freeEmailDomains);

/**
 * The organisation an address's domain stands for: its registrable domain under the public
 * suffix list (cs.snu.ac.kr and snu.ac.kr are both snu.ac.kr), or null for a public mail
 * service or an address without a usable domain.
 */
export function institutionalEmailDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  const host = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  if (host === '') return null;
  const domain = getDomain(host) ?? null;
  if (domain === null) return null;
  if (publicMailDomains.has(domain) || publicMailDomains.has(host)) return null;
  return domain;
}

/** An address compared case-insensitively (as mail providers do in practice), or null. */
export function normalisedEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}
