import {
  checkAnswers,
  checkOptionChoice,
  message,
  phoneSchema,
  pickLocale,
  registerInput,
  setValidationLocale,
  standardFieldNames,
  standardFieldRuleOf,
  zodFieldErrors,
  type Answers,
  type ConsentKind,
  type Locale,
  type RegistrationFormDto,
} from '@plenary/contracts/schemas';
import type { RegisterRequest } from '../../api';

/** What the person has typed and ticked so far; strings stay strings until sent. */
export interface RegistrationDraft {
  categoryId: string;
  /** The invitation code last applied to the form (not what is being typed). */
  invitationCode: string;
  participant: {
    givenName: string;
    familyName: string;
    localName: string;
    email: string;
    organisation: string;
    jobTitle: string;
    country: string;
    phone: string;
    dietary: string;
    accessibility: string;
  };
  answers: Answers;
  optionIds: string[];
  consents: Partial<Record<ConsentKind, boolean>>;
}

export function emptyDraft(): RegistrationDraft {
  return {
    categoryId: '',
    invitationCode: '',
    participant: {
      givenName: '',
      familyName: '',
      localName: '',
      email: '',
      organisation: '',
      jobTitle: '',
      country: '',
      phone: '',
      dietary: '',
      accessibility: '',
    },
    answers: {},
    optionIds: [],
    consents: {},
  };
}

export type FieldErrors = Record<string, string[]>;

/**
 * Checks the draft with the same rules as the server: the contract schema
 * (registerInput), the form's own rules (required standard fields, custom
 * questions through checkAnswers, required consents). Messages are in `locale`.
 * Returns the request to send, or the errors keyed by the input's dotted path.
 */
export function validateRegistration(
  form: RegistrationFormDto,
  draft: RegistrationDraft,
  locale: Locale,
  chooseCategoryText: string,
): { request: RegisterRequest; errors: null } | { request: null; errors: FieldErrors } {
  setValidationLocale(locale);
  const errors: FieldErrors = {};
  const add = (path: string, text: string) => (errors[path] ??= []).push(text);

  // A standard field the organiser hides is not sent at all.
  const participant: Record<string, string | null> = { ...draft.participant };
  for (const name of standardFieldNames) {
    const rule = standardFieldRuleOf(form.standardFields, name);
    if (!rule.shown) participant[name] = null;
    else if (rule.required && !draft.participant[name].trim())
      add(`participant.${name}`, message('required'));
  }

  // participantFields takes the phone as `phoneSchema.or('')`: a wrong number fails both
  // branches and zod says only "Invalid input". The phone schema alone names the problem.
  const phone = participant.phone?.trim() ?? '';
  if (!phone) participant.phone = null;
  else {
    const checked = phoneSchema.safeParse(phone);
    if (!checked.success) for (const issue of checked.error.issues) add('participant.phone', issue.message);
  }

  const answers = checkAnswers(form.questions, draft.answers);
  for (const [path, list] of Object.entries(answers.errors)) for (const text of list) add(path, text);

  const accepted = form.consents.filter((c) => draft.consents[c.kind]);
  for (const consent of form.consents) {
    if (consent.required && !draft.consents[consent.kind])
      add(`consents.${consent.kind}`, message('mustAccept'));
  }

  const optionIds = draft.optionIds.filter((id) => form.options.some((o) => o.id === id));
  // The server's rule for options held together (overlapping times, "at most one of").
  const labels = new Map(form.options.map((o) => [o.id, pickLocale(o.label, locale)]));
  const clashes = checkOptionChoice(form.options, optionIds, (id) => labels.get(id));
  for (const [path, list] of Object.entries(clashes)) for (const text of list) add(path, text);
  const candidate = {
    eventId: form.eventId,
    categoryId: draft.categoryId,
    invitationCode: draft.invitationCode || null,
    participant,
    optionIds,
    answers: answers.kept,
    locale,
    consents: accepted.map((c) => ({ kind: c.kind, version: c.version })),
  };
  const parsed = registerInput.safeParse(candidate);
  if (!parsed.success) {
    for (const [path, list] of Object.entries(zodFieldErrors(parsed.error))) {
      if (errors[path]) continue; // the form's own rule already said it
      for (const text of list) add(path, text);
    }
  }
  // "Must be a valid id" means nothing to a participant who has not picked a category yet.
  if (!draft.categoryId) errors.categoryId = [chooseCategoryText];

  if (Object.keys(errors).length > 0 || !parsed.success) return { request: null, errors };
  return { request: parsed.data, errors: null };
}

/** Where a field's error shows: paths the form has a place for; the rest go to the summary. */
export function isPlacedField(path: string): boolean {
  return /^(categoryId|invitationCode|optionIds|altcha|participant\.\w+|answers\.\w+|consents\.\w+)$/.test(path);
}

/** Whether the person chose a category that is full: they will join its waiting list. */
export function joinsWaitlist(form: RegistrationFormDto, categoryId: string): boolean {
  return form.categories.find((c) => c.id === categoryId)?.full ?? false;
}
