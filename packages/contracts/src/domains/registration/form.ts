import { z } from 'zod';
import { localizedText, requiredLocalizedText } from '../common';
import { message, msg } from '../../messages';
import { MAX_QUESTION_UPLOAD_MEGABYTES } from '../files';

/**
 * The standard fields every registration has. Names, email, organisation and
 * country are always asked; the rest can be shown or hidden, required or not.
 */
export const standardFieldNames = ['localName', 'jobTitle', 'phone', 'dietary', 'accessibility'] as const;
export type StandardFieldName = (typeof standardFieldNames)[number];
export const standardFieldRule = z.object({ shown: z.boolean(), required: z.boolean() });
export const standardFieldRules = z.partialRecord(z.enum(standardFieldNames), standardFieldRule);
export type StandardFieldRules = z.infer<typeof standardFieldRules>;

/** What a standard field does when the organiser has not said: shown and optional. */
export function standardFieldRuleOf(rules: StandardFieldRules, name: StandardFieldName) {
  return rules[name] ?? { shown: true, required: false };
}

export const questionTypes = ['text', 'singleChoice', 'multipleChoice', 'checkbox', 'date', 'file'] as const;
export type QuestionType = (typeof questionTypes)[number];

const questionId = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: msg('code') });

export const questionChoice = z.object({
  value: z.string().trim().min(1).max(60),
  label: requiredLocalizedText(200),
});

/** A custom question; shown only when `showIf` holds (another question's answer equals a value). */
export const formQuestion = z.object({
  id: questionId,
  type: z.enum(questionTypes),
  label: requiredLocalizedText(300),
  help: localizedText(1000).default({}),
  required: z.boolean().default(false),
  choices: z.array(questionChoice).max(50).default([]),
  /** A file question's largest file in MB; absent takes the server's default (10 MB unless configured). */
  maxMegabytes: z.number().int().min(1).max(MAX_QUESTION_UPLOAD_MEGABYTES).optional(),
  showIf: z
    .object({ questionId, equals: z.union([z.string().max(60), z.boolean()]) })
    .nullable()
    .default(null),
});
export type FormQuestion = z.infer<typeof formQuestion>;

export const formQuestions = z
  .array(formQuestion)
  .max(50)
  .superRefine((questions, ctx) => {
    const seen = new Set<string>();
    questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({ code: 'custom', message: 'Each question needs its own id', path: [i, 'id'] });
      if (q.showIf && !seen.has(q.showIf.questionId)) {
        ctx.addIssue({
          code: 'custom',
          message: 'A condition can only refer to an earlier question',
          path: [i, 'showIf', 'questionId'],
        });
      }
      if ((q.type === 'singleChoice' || q.type === 'multipleChoice') && q.choices.length < 2) {
        ctx.addIssue({
          code: 'custom',
          message: 'A choice question needs at least two choices',
          path: [i, 'choices'],
        });
      }
      seen.add(q.id);
    });
  });

/** An answer as sent: text, a choice value, several values, a tick, a date, or an uploaded file's id. */
export const answerValue = z.union([z.string().max(5000), z.array(z.string().max(60)).max(50), z.boolean()]);
export const answersInput = z.record(z.string().max(40), answerValue);
export type Answers = z.infer<typeof answersInput>;

/** Whether a question is shown, given the answers so far. */
export function isQuestionShown(q: FormQuestion, answers: Answers): boolean {
  if (!q.showIf) return true;
  const value = answers[q.showIf.questionId];
  return Array.isArray(value) ? value.includes(String(q.showIf.equals)) : value === q.showIf.equals;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks answers against the form, the same on the portal and on the server.
 * Returns field errors keyed `answers.<questionId>`, and the answers of shown
 * questions only (a hidden question's answer is dropped, not stored).
 */
export function checkAnswers(
  questions: FormQuestion[],
  answers: Answers,
): { errors: Record<string, string[]>; kept: Answers } {
  const errors: Record<string, string[]> = {};
  const kept: Answers = {};
  const fail = (id: string, text: string) => (errors[`answers.${id}`] ??= []).push(text);
  for (const q of questions) {
    if (!isQuestionShown(q, kept)) continue;
    const value = answers[q.id];
    // Blank text is no answer: a required question answered with spaces is unanswered.
    const empty =
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      value === false ||
      (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required) fail(q.id, q.type === 'checkbox' ? message('mustAccept') : message('required'));
      continue;
    }
    const values = new Set(q.choices.map((c) => c.value));
    switch (q.type) {
      case 'text':
        if (typeof value !== 'string') fail(q.id, message('required'));
        break;
      case 'singleChoice':
        if (typeof value !== 'string' || !values.has(value)) fail(q.id, message('choiceUnknown'));
        break;
      case 'multipleChoice':
        if (!Array.isArray(value) || value.some((v) => !values.has(v))) fail(q.id, message('choiceUnknown'));
        break;
      case 'checkbox':
        if (value !== true) fail(q.id, message('mustAccept'));
        break;
      case 'date':
        if (typeof value !== 'string' || !isoDate.test(value) || Number.isNaN(Date.parse(value)))
          fail(q.id, message('date'));
        break;
      case 'file':
        if (typeof value !== 'string' || !uuidLike.test(value)) fail(q.id, message('required'));
        break;
    }
    if (!errors[`answers.${q.id}`]) kept[q.id] = value;
  }
  return { errors, kept };
}

export const consentKinds = ['privacy', 'photography'] as const;
export type ConsentKind = (typeof consentKinds)[number];
