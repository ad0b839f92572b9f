import type { z } from 'zod';
import type {
  CategoryDto,
  createCategoryInput,
  createInvitationCodeInput,
  createOptionInput,
  OptionDto,
  RegistrationSettingsDto,
  updateRegistrationSettingsInput,
} from '@plenary/contracts/schemas';
import { isoToWallTime, wallTimeToIso } from '../../lib/zoned-time';
import { compactText, type TextPair } from './questions-editor';

/**
 * What the category, option and code dialogs edit, and the input each sends.
 * Times are picker Dates holding the wall time in the event's zone (see
 * lib/zoned-time.ts); blank texts are left out so the contract judges them.
 */

type CategoryVisibility = CategoryDto['visibility'];
type OptionKind = OptionDto['kind'];

const pair = (t?: { ko?: string | undefined; en?: string | undefined }): TextPair => ({
  ko: t?.ko ?? '',
  en: t?.en ?? '',
});
const wall = (iso: string | null, timeZone: string) => (iso ? isoToWallTime(iso, timeZone) : null);
const instant = (d: Date | null, timeZone: string) => (d ? wallTimeToIso(d, timeZone) : null);

export interface CategoryFormModel {
  code: string;
  label: TextPair;
  description: TextPair;
  capacity: number | null;
  requiresApproval: boolean;
  opensAt: Date | null;
  closesAt: Date | null;
  feeAmount: number | null;
  feeCurrency: string;
  visibility: CategoryVisibility;
  colour: string;
  position: number | null;
}

export function emptyCategoryForm(position = 0): CategoryFormModel {
  return {
    code: '',
    label: pair(),
    description: pair(),
    capacity: null,
    requiresApproval: false,
    opensAt: null,
    closesAt: null,
    feeAmount: null,
    feeCurrency: '',
    visibility: 'public',
    colour: '#1f6feb',
    position,
  };
}

export function categoryFormFrom(c: CategoryDto, timeZone: string): CategoryFormModel {
  return {
    code: c.code,
    label: pair(c.label),
    description: pair(c.description),
    capacity: c.capacity,
    requiresApproval: c.requiresApproval,
    opensAt: wall(c.opensAt, timeZone),
    closesAt: wall(c.closesAt, timeZone),
    feeAmount: c.feeAmount,
    feeCurrency: c.feeCurrency ?? '',
    visibility: c.visibility,
    colour: c.colour,
    position: c.position,
  };
}

/** The whole form, as create sends it and update too (the server records only what changed). */
export function categoryInput(
  eventId: string,
  m: CategoryFormModel,
  timeZone: string,
): z.input<typeof createCategoryInput> {
  return {
    eventId,
    code: m.code.trim(),
    label: compactText(m.label),
    description: compactText(m.description),
    capacity: m.capacity,
    requiresApproval: m.requiresApproval,
    opensAt: instant(m.opensAt, timeZone),
    closesAt: instant(m.closesAt, timeZone),
    feeAmount: m.feeAmount,
    feeCurrency: m.feeCurrency.trim() ? m.feeCurrency.trim() : null,
    visibility: m.visibility,
    colour: m.colour.trim(),
    position: m.position ?? 0,
  };
}

export interface OptionFormModel {
  code: string;
  kind: OptionKind;
  label: TextPair;
  description: TextPair;
  capacity: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  exclusiveGroup: string;
  position: number | null;
}

export function emptyOptionForm(position = 0): OptionFormModel {
  return {
    code: '',
    kind: 'other',
    label: pair(),
    description: pair(),
    capacity: null,
    startsAt: null,
    endsAt: null,
    exclusiveGroup: '',
    position,
  };
}

export function optionFormFrom(o: OptionDto, timeZone: string): OptionFormModel {
  return {
    code: o.code,
    kind: o.kind,
    label: pair(o.label),
    description: pair(o.description),
    capacity: o.capacity,
    startsAt: wall(o.startsAt, timeZone),
    endsAt: wall(o.endsAt, timeZone),
    exclusiveGroup: o.exclusiveGroup ?? '',
    position: o.position,
  };
}

export function optionInput(
  eventId: string,
  m: OptionFormModel,
  timeZone: string,
): z.input<typeof createOptionInput> {
  return {
    eventId,
    code: m.code.trim(),
    kind: m.kind,
    label: compactText(m.label),
    description: compactText(m.description),
    capacity: m.capacity,
    startsAt: instant(m.startsAt, timeZone),
    endsAt: instant(m.endsAt, timeZone),
    exclusiveGroup: m.exclusiveGroup.trim() || null,
    position: m.position ?? 0,
  };
}

export interface CodeFormModel {
  code: string;
  categoryId: string;
  reservesPlaces: boolean;
  maxUses: number | null;
  expiresAt: Date | null;
  note: string;
}

export function emptyCodeForm(categoryId = ''): CodeFormModel {
  return { code: '', categoryId, reservesPlaces: false, maxUses: 1, expiresAt: null, note: '' };
}

/** A random code that is easy to read out: no 0/O or 1/I. */
export function suggestCode(prefix: string, random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let tail = '';
  for (let i = 0; i < 6; i++) tail += alphabet[Math.floor(random() * alphabet.length)] ?? 'X';
  const head = prefix
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 20);
  return head ? `${head}-${tail}` : tail;
}

export function codeInput(
  eventId: string,
  m: CodeFormModel,
  timeZone: string,
): z.input<typeof createInvitationCodeInput> {
  return {
    eventId,
    code: m.code.trim(),
    categoryId: m.categoryId,
    reservesPlaces: m.reservesPlaces,
    // An empty number field is sent as 0, which the contract refuses by name.
    maxUses: m.maxUses ?? 0,
    expiresAt: instant(m.expiresAt, timeZone),
    note: m.note.trim() ? m.note.trim() : null,
  };
}

/** A fee kept in the currency's minor unit, shown in its major unit: 50000 KRW is ₩50,000, 1250 USD is $12.50. */
export function formatFee(amount: number, currency: string, locale: 'ko' | 'en'): string {
  const intl = locale === 'ko' ? 'ko-KR' : 'en-GB';
  try {
    const fmt = new Intl.NumberFormat(intl, { style: 'currency', currency });
    const digits = fmt.resolvedOptions().maximumFractionDigits ?? 0;
    return fmt.format(amount / 10 ** digits);
  } catch {
    return `${amount} ${currency}`;
  }
}

type EditableField = RegistrationSettingsDto['editableFields'][number];

export interface LetterheadModel {
  organiser: TextPair;
  address: TextPair;
  signatoryName: string;
  signatoryTitle: TextPair;
  email: string;
  phone: string;
}

export interface SettingsFormModel {
  capacity: number | null;
  offerHours: number | null;
  editableFields: EditableField[];
  allowSelfCancel: boolean;
  visaLettersEnabled: boolean;
  visaPurgeDays: number | null;
  letterhead: LetterheadModel;
  paymentDueDays: number | null;
  paymentInstructions: TextPair;
  /** Until when participants may correct their own name, as a wall time in the event's zone (null: never). */
  nameCorrectionUntil: Date | null;
}

export function settingsFormFrom(s: RegistrationSettingsDto, timeZone = 'Asia/Seoul'): SettingsFormModel {
  const l = s.letterhead;
  return {
    nameCorrectionUntil: wall(s.nameCorrectionUntil, timeZone),
    capacity: s.capacity,
    offerHours: s.offerHours,
    editableFields: [...s.editableFields],
    allowSelfCancel: s.allowSelfCancel,
    visaLettersEnabled: s.visaLettersEnabled,
    visaPurgeDays: s.visaPurgeDays,
    paymentDueDays: s.paymentDueDays,
    paymentInstructions: pair(s.paymentInstructions),
    letterhead: {
      organiser: pair(l.organiser),
      address: pair(l.address),
      signatoryName: l.signatoryName ?? '',
      signatoryTitle: pair(l.signatoryTitle),
      email: l.email ?? '',
      phone: l.phone ?? '',
    },
  };
}

const blankToUndefined = (v: string) => (v.trim() ? v.trim() : undefined);

/** Everything on the page; an emptied number is sent as undefined (kept) except capacity (no limit). */
export function settingsInput(
  eventId: string,
  m: SettingsFormModel,
  timeZone = 'Asia/Seoul',
): z.input<typeof updateRegistrationSettingsInput> {
  const l = m.letterhead;
  const signatoryName = blankToUndefined(l.signatoryName);
  const email = blankToUndefined(l.email);
  const phone = blankToUndefined(l.phone);
  return {
    eventId,
    capacity: m.capacity,
    ...(m.offerHours !== null ? { offerHours: m.offerHours } : {}),
    editableFields: m.editableFields,
    allowSelfCancel: m.allowSelfCancel,
    visaLettersEnabled: m.visaLettersEnabled,
    ...(m.visaPurgeDays !== null ? { visaPurgeDays: m.visaPurgeDays } : {}),
    ...(m.paymentDueDays !== null ? { paymentDueDays: m.paymentDueDays } : {}),
    paymentInstructions: compactText(m.paymentInstructions),
    nameCorrectionUntil: instant(m.nameCorrectionUntil, timeZone),
    letterhead: {
      organiser: compactText(l.organiser),
      address: compactText(l.address),
      signatoryTitle: compactText(l.signatoryTitle),
      ...(signatoryName ? { signatoryName } : {}),
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
    },
  };
}

/**
 * Whether an invitation code is short or patterned enough to guess (the probe
 * found MPI-VN-2015 in 201 tries: an acronym, a country and a year). Guessable:
 * fewer than 8 letters and digits, or no part of at least 5 characters that
 * mixes letters and digits (a part of letters alone up to 4 long, or of digits
 * alone, is a word, an abbreviation or a year). The portal throttles guesses;
 * this warns the organiser before a code goes out.
 */
export function codeLooksGuessable(code: string): boolean {
  const parts = code
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (parts.join('').length < 8) return true;
  return !parts.some(
    (p) => p.length >= 5 && !/^[A-Z]{1,4}$/.test(p) && !/^\d+$/.test(p) && (/\d/.test(p) || p.length >= 6),
  );
}
