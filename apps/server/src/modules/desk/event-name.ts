/**
 * An event's English name as it reads inside a sentence: "to attend the 18th TCI
 * Global Conference", not "to attend 18th TCI Global Conference". A name that
 * begins with an edition number takes "the"; others are left as written (a name
 * with its own article, or an acronym such as "ICML 2025").
 */
export function eventNameInSentence(title: string): string {
  const name = title.trim();
  return /^\d+(st|nd|rd|th)\b/i.test(name) ? `the ${name}` : name;
}
