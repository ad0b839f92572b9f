import type {
  CategoryDto,
  ConsentVersionDto,
  InvitationCodeDto,
  OptionDto,
  RegistrationSettingsDto,
} from '@plenary/contracts';
import { editableFieldNames, type FormQuestion } from '@plenary/contracts';
import { placesLeft, seatsLeft, type LimitsSnapshot } from '../registration/capacity';
import type { CategoryRow, CodeRow, ConsentRow, OptionRow, SettingsRow } from './setup.repo';

/** What an event has before anyone saved its settings: the column defaults. */
export function defaultSettings(eventId: string): Omit<SettingsRow, 'updatedAt'> {
  return {
    eventId,
    capacity: null,
    offerHours: 48,
    editableFields: ['phone', 'dietary', 'accessibility', 'jobTitle'],
    allowSelfCancel: true,
    visaPurgeDays: 30,
    visaLettersEnabled: true,
    letterhead: {},
    paymentDueDays: 7,
    paymentInstructions: {},
    standardFields: {},
    questions: [],
    nameCorrectionUntil: null,
  };
}

const editable = new Set<string>(editableFieldNames);

export function toSettingsDto(row: Omit<SettingsRow, 'updatedAt'>): RegistrationSettingsDto {
  return {
    eventId: row.eventId,
    capacity: row.capacity,
    offerHours: row.offerHours,
    editableFields: row.editableFields.filter((f): f is RegistrationSettingsDto['editableFields'][number] =>
      editable.has(f),
    ),
    allowSelfCancel: row.allowSelfCancel,
    visaPurgeDays: row.visaPurgeDays,
    visaLettersEnabled: row.visaLettersEnabled,
    letterhead: row.letterhead,
    paymentDueDays: row.paymentDueDays,
    paymentInstructions: row.paymentInstructions,
    standardFields: row.standardFields,
    // Checked by the contract's schema when they were saved.
    questions: row.questions as unknown as FormQuestion[],
    nameCorrectionUntil: row.nameCorrectionUntil?.toISOString() ?? null,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A category with its places, as the capacity module counts them (the event-wide limit and held-back places applied). */
export function toCategoryDto(row: CategoryRow, places: LimitsSnapshot): CategoryDto {
  const counts = places.categories.get(row.id);
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    description: row.description,
    capacity: row.capacity,
    requiresApproval: row.requiresApproval,
    opensAt: iso(row.opensAt),
    closesAt: iso(row.closesAt),
    feeAmount: row.feeAmount,
    feeCurrency: row.feeCurrency,
    visibility: row.visibility,
    colour: row.colour,
    position: row.position,
    taken: counts?.taken ?? 0,
    waitlisted: counts?.waiting.waiting ?? 0,
    remaining: placesLeft(places, row.id),
  };
}

export function toOptionDto(row: OptionRow, places: LimitsSnapshot): OptionDto {
  const counts = places.options.get(row.id);
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    label: row.label,
    description: row.description,
    capacity: row.capacity,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    exclusiveGroup: row.exclusiveGroup,
    position: row.position,
    booked: counts?.booked ?? 0,
    waitlisted: counts?.waiting.waiting ?? 0,
    remaining: seatsLeft(places, row.id),
  };
}

export function toCodeDto(row: CodeRow, used: number): InvitationCodeDto {
  return {
    id: row.id,
    code: row.code,
    categoryId: row.categoryId,
    reservesPlaces: row.reservesPlaces,
    maxUses: row.maxUses,
    used,
    expiresAt: iso(row.expiresAt),
    note: row.note,
    revokedAt: iso(row.revokedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

export function toConsentDto(row: ConsentRow, current: boolean): ConsentVersionDto {
  return {
    id: row.id,
    kind: row.kind as ConsentVersionDto['kind'],
    version: row.version,
    text: row.text,
    required: row.required,
    createdAt: row.createdAt.toISOString(),
    current,
  };
}
