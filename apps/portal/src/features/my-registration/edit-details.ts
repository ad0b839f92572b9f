import {
  checkAnswers,
  phoneSchema,
  setValidationLocale,
  standardFieldRuleOf,
  updateMyRegistrationInput,
  zodFieldErrors,
  type Answers,
  type FormQuestion,
  type Locale,
  type MyRegistrationDto,
  type StandardFieldRules,
} from '@plenary/contracts/schemas';
import type { UpdateMyRegistrationRequest } from '../../api';

/** The participant fields a participant may change themselves (names, email and country stay as registered). */
export const editableParticipantFields = [
  'localName',
  'organisation',
  'jobTitle',
  'phone',
  'dietary',
  'accessibility',
] as const;
export type EditableParticipantField = (typeof editableParticipantFields)[number];

export interface DetailsDraft {
  participant: Record<EditableParticipantField, string>;
  answers: Answers;
  optionIds: string[];
}

export function draftOf(reg: MyRegistrationDto): DetailsDraft {
  const p = reg.participant;
  return {
    participant: {
      localName: p.localName ?? '',
      organisation: p.organisation,
      jobTitle: p.jobTitle ?? '',
      phone: p.phone ?? '',
      dietary: p.dietary ?? '',
      accessibility: p.accessibility ?? '',
    },
    // A copy, not structuredClone: the registration is a reactive proxy, which cannot be cloned.
    answers: Object.fromEntries(
      Object.entries(reg.answers).map(([id, value]) => [
        id,
        Array.isArray(value) ? [...(value as string[])] : value,
      ]),
    ) as Answers,
    optionIds: reg.options.map((o) => o.optionId),
  };
}

/** The fields this participant may edit: allowed by the organiser and shown on the form. */
export function editableFieldsOf(
  reg: MyRegistrationDto,
  rules: StandardFieldRules | null,
): EditableParticipantField[] {
  return editableParticipantFields.filter(
    (name) =>
      reg.editableFields.includes(name) &&
      (name === 'organisation' || !rules || standardFieldRuleOf(rules, name).shown),
  );
}

/** Checks the changes with the contract schema and the form's questions; only editable parts are sent. */
export function validateDetails(
  reg: MyRegistrationDto,
  draft: DetailsDraft,
  questions: FormQuestion[] | null,
  rules: StandardFieldRules | null,
  locale: Locale,
): { input: UpdateMyRegistrationRequest; errors: null } | { input: null; errors: Record<string, string[]> } {
  setValidationLocale(locale);
  const fields = editableFieldsOf(reg, rules);
  const errors: Record<string, string[]> = {};
  const candidate: Record<string, unknown> = {};
  if (fields.length) {
    candidate.participant = Object.fromEntries(fields.map((name) => [name, draft.participant[name]]));
  }
  // As on the registration form: the phone schema alone words a wrong number (the union says "Invalid input").
  const phone = fields.includes('phone') ? draft.participant.phone.trim() : '';
  const phoneChecked = phone ? phoneSchema.safeParse(phone) : null;
  if (phoneChecked && !phoneChecked.success)
    errors['participant.phone'] = phoneChecked.error.issues.map((i) => i.message);
  if (reg.editableFields.includes('answers') && questions) {
    const checked = checkAnswers(questions, draft.answers);
    Object.assign(errors, checked.errors);
    candidate.answers = checked.kept;
  }
  if (reg.editableFields.includes('options')) candidate.optionIds = draft.optionIds;
  const parsed = updateMyRegistrationInput.safeParse(candidate);
  if (!parsed.success) {
    for (const [path, list] of Object.entries(zodFieldErrors(parsed.error))) errors[path] ??= list;
  }
  if (!parsed.success || Object.keys(errors).length) return { input: null, errors };
  return { input: parsed.data, errors: null };
}
