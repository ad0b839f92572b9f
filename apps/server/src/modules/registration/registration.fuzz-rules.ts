/**
 * The registration rules, restated by hand for the fuzz test: given a generated
 * input, the reason it must be refused, or null when the rules written here do
 * not forbid it. A call that succeeds with a reason here is a bug (the fuzz test
 * used to accept any success). Only rules we are sure of are listed: a missing
 * rule makes the test weaker, never wrong.
 */
export interface FuzzWorld {
  eventId: string;
  categories: Record<string, string>;
  options: Record<string, string>;
  /** The one code that may be used, and the category it is for. */
  validCode: string;
  inviteCategoryId: string;
  /** Emails already registered for the event (lower case). */
  registeredEmails: Set<string>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined;

// eslint-disable-next-line no-control-regex
const unstorable = /[\u0000]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const emailShape = /^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$/;
const countries = new Set(['KR', 'VN', 'US', 'DE', 'JP']);

function requiredText(v: unknown, max: number): string | null {
  if (typeof v !== 'string') return 'not text';
  if (v.trim() === '') return 'blank';
  if (v.length > max) return 'too long';
  if (unstorable.test(v)) return 'unstorable text';
  return null;
}

function personRefusal(p: unknown, world: FuzzWorld): string | null {
  if (!isObj(p)) return 'participant is not an object';
  for (const field of ['givenName', 'familyName', 'organisation']) {
    const why = requiredText(p[field], 2000);
    if (why) return `participant.${field}: ${why}`;
  }
  // The name as in the passport is written in Roman letters: no letter of another script.
  for (const field of ['givenName', 'familyName']) {
    const letters = String(p[field]).match(/\p{L}/gu) ?? [];
    if (letters.length === 0) return `participant.${field}: no letter`;
    if (letters.some((l) => !/\p{Script=Latin}/u.test(l))) return `participant.${field}: not in Roman letters`;
  }
  if (typeof p.email !== 'string') return 'participant.email: not text';
  const email = p.email.trim().toLowerCase();
  if (!emailShape.test(email)) return 'participant.email: not an address';
  if (world.registeredEmails.has(email)) return 'participant.email: already registered';
  if (typeof p.country !== 'string') return 'participant.country: not text';
  if (!countries.has(p.country.trim().toUpperCase())) {
    // Only the generator's own values are judged: 'XX', 'KOR' and '' are not countries.
    if (['XX', 'KOR', ''].includes(p.country.trim().toUpperCase()))
      return 'participant.country: not a country';
  }
  for (const field of ['localName', 'jobTitle', 'dietary', 'accessibility', 'phone']) {
    const v = p[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return `participant.${field}: not text`;
    if (typeof v === 'string' && unstorable.test(v)) return `participant.${field}: unstorable text`;
  }
  return null;
}

function answersRefusal(answers: unknown): string | null {
  if (answers === undefined) return null;
  if (!isObj(answers)) return 'answers is not an object';
  const heard = answers.heard_about;
  if (typeof heard === 'string' && heard !== '' && !['kicox', 'tci_network'].includes(heard))
    return 'answers.heard_about: not a choice';
  if (answers.presenting_paper === true) {
    const title = answers.paper_title;
    if (typeof title !== 'string' || title.trim() === '')
      return 'answers.paper_title: required when presenting';
  }
  if (typeof answers.paper_title === 'string' && unstorable.test(answers.paper_title))
    return 'answers.paper_title: unstorable text';
  return null;
}

/** What a registration names: event, category, code, options, the person and the answers. */
export function registrationRefusal(
  arg: unknown,
  world: FuzzWorld,
  /** 'delegation': staff entering a group, each delegate with their own consents. */
  by: 'participant' | 'staff' | 'delegation',
): string | null {
  if (!isObj(arg)) return 'not an object';
  if (arg.eventId !== world.eventId) return 'eventId: not this event';
  if (typeof arg.categoryId !== 'string' || !Object.values(world.categories).includes(arg.categoryId))
    return 'categoryId: not a category of this event';
  const code = arg.invitationCode;
  if (code !== undefined && code !== null) {
    if (typeof code !== 'string') return 'invitationCode: not text';
    const normalised = code.trim().toUpperCase();
    if (normalised !== '' && normalised !== world.validCode) return 'invitationCode: not a usable code';
    if (normalised === world.validCode && arg.categoryId !== world.inviteCategoryId)
      return 'invitationCode: for another category';
  }
  const usableCode = typeof code === 'string' && code.trim().toUpperCase() === world.validCode;
  if (by === 'participant' && arg.categoryId === world.inviteCategoryId && !usableCode)
    return 'categoryId: by invitation, without a code';
  if (has(arg, 'optionIds')) {
    const ids = arg.optionIds;
    if (!Array.isArray(ids)) return 'optionIds: not a list';
    if (ids.some((id) => typeof id !== 'string' || !Object.values(world.options).includes(id)))
      return 'optionIds: not an option of this event';
    if (new Set(ids).size !== ids.length) return 'optionIds: twice the same option';
  }
  // The one consent rule (item 9): staff entering a person, or each delegate of a group, confirm the texts too.
  {
    const consents = by !== 'participant' && !has(arg, 'consents') ? [] : arg.consents;
    if (!Array.isArray(consents)) return 'consents: not a list';
    const privacy = consents.find((c): c is Obj => isObj(c) && c.kind === 'privacy');
    if (!privacy || privacy.version !== 1)
      return 'consents: the required privacy text (version 1) not accepted';
  }
  if (has(arg, 'locale') && !['en', 'ko'].includes(arg.locale as string)) return 'locale: not a language';
  return personRefusal(arg.participant, world) ?? answersRefusal(arg.answers);
}
