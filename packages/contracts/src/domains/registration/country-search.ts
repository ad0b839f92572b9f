import { countryCodes, countryName, type CountryCode } from './countries';

/**
 * Names people use that the standard names (Intl's, 대한민국 / South Korea) do not
 * start with: short forms, older names, abbreviations, in Korean and English. A
 * Korean looks for 한국, not 대한민국; a ministry's spreadsheet says "USA" or "Holland".
 */
const aliases: Partial<Record<CountryCode, readonly string[]>> = {
  KR: ['한국', '남한', 'Korea', 'Republic of Korea', 'ROK', 'Korea, Republic of'],
  KP: ['조선', 'DPRK', "Democratic People's Republic of Korea"],
  US: ['USA', 'US', 'America', 'United States of America', '미합중국'],
  GB: ['UK', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', '잉글랜드'],
  CN: ['PRC', "People's Republic of China", '중화인민공화국'],
  TW: ['Chinese Taipei', 'Republic of China', '타이완'],
  HK: ['Hong Kong', '홍콩'],
  MO: ['Macau', 'Macao', '마카오'],
  JP: ['Nippon'],
  NL: ['Holland', 'The Netherlands', '홀란드'],
  TR: ['Turkey', '터키'],
  CZ: ['Czech Republic', '체코공화국'],
  RU: ['Russian Federation', '러시아연방'],
  VN: ['Viet Nam'],
  AE: ['UAE', 'Emirates', '아랍 에미리트'],
  IR: ['Persia'],
  MM: ['Burma', '버마'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  MK: ['Macedonia', '마케도니아'],
  SZ: ['Swaziland', '스와질란드'],
  CV: ['Cabo Verde'],
  PS: ['Palestine', '팔레스타인'],
  TL: ['East Timor'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of the Congo', '콩고민주공화국'],
  CG: ['Republic of the Congo', '콩고공화국'],
  VA: ['Holy See', 'Vatican', '바티칸'],
  DE: ['Deutschland'],
  CH: ['Swiss', 'Schweiz'],
  NZ: ['뉴질랜드'],
  PH: ['필리핀'],
  SA: ['KSA'],
  LA: ["Lao People's Democratic Republic", 'Lao PDR'],
  BN: ['Brunei Darussalam'],
  KN: ['Saint Kitts and Nevis'],
  LC: ['Saint Lucia'],
  VC: ['Saint Vincent and the Grenadines'],
  ST: ['Sao Tome and Principe'],
  FM: ['Federated States of Micronesia'],
  MD: ['Republic of Moldova'],
  TZ: ['United Republic of Tanzania'],
  BO: ['Plurinational State of Bolivia'],
  VE: ['Bolivarian Republic of Venezuela'],
  SY: ['Syrian Arab Republic'],
};

/** Case, accents, dots, "the" and "&" do not matter: "U.S.A." is "usa", "Côte d’Ivoire" is "cote d'ivoire". */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, '')
    .replace(/&/g, ' and ')
    .toLocaleLowerCase('en')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface CountryEntry {
  code: CountryCode;
  /** The name in the language asked for, and in the other one. */
  name: string;
  other: string;
}

interface Indexed extends CountryEntry {
  /** Every name to match, normalised: both languages' standard names and the aliases. */
  keys: string[];
}

const byLocale = new Map<'ko' | 'en', Indexed[]>();

function index(locale: 'ko' | 'en'): Indexed[] {
  let list = byLocale.get(locale);
  if (list) return list;
  const collator = new Intl.Collator(locale);
  list = countryCodes
    .map((code) => {
      const name = countryName(code, locale);
      const other = countryName(code, locale === 'ko' ? 'en' : 'ko');
      const keys = [name, other, ...(aliases[code] ?? [])].map(normalise);
      return { code, name, other, keys };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
  byLocale.set(locale, list);
  return list;
}

/**
 * The country a typed or pasted text names exactly: its ISO code, its name in
 * Korean or English, or a common alias (한국, USA, UK, Holland). null when none.
 */
export function findCountry(text: string): CountryCode | null {
  const q = normalise(text);
  if (!q) return null;
  const upper = text.trim().toUpperCase();
  if ((countryCodes as readonly string[]).includes(upper)) return upper as CountryCode;
  return index('en').find((c) => c.keys.includes(q))?.code ?? null;
}

/**
 * Countries matching a search, best first: the code or a whole name, then names
 * that start with the text, then names with a word that does, then the rest that
 * contain it. An empty search lists every country in the language's order.
 */
export function searchCountries(query: string, locale: 'ko' | 'en'): CountryEntry[] {
  const all = index(locale);
  const q = normalise(query);
  const strip = ({ code, name, other }: Indexed): CountryEntry => ({ code, name, other });
  if (!q) return all.map(strip);
  const rank = (c: Indexed) => {
    if (c.code.toLowerCase() === q || c.keys.includes(q)) return 0;
    if (c.keys.some((k) => k.startsWith(q))) return 1;
    if (c.keys.some((k) => k.split(/[\s(),-]+/).some((word) => word.startsWith(q)))) return 2;
    return c.keys.some((k) => k.includes(q)) ? 3 : 4;
  };
  return all
    .map((c) => ({ c, rank: rank(c) }))
    .filter((x) => x.rank < 4)
    .sort((a, b) => a.rank - b.rank)
    .map((x) => strip(x.c));
}
