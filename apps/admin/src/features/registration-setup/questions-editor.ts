import type { z } from 'zod';
import type { FormQuestion, formQuestion, QuestionType } from '@plenary/contracts/schemas';

/**
 * The custom-questions editor, as pure functions over a list: the Vue
 * components only call these, so the rules (ids stay unique, a condition only
 * points back to an earlier question) are tested without a browser.
 */

export interface TextPair {
  ko: string;
  en: string;
}

export interface ChoiceModel {
  value: string;
  label: TextPair;
}

export interface QuestionModel {
  id: string;
  type: QuestionType;
  label: TextPair;
  help: TextPair;
  required: boolean;
  choices: ChoiceModel[];
  showIf: { questionId: string; equals: string | boolean } | null;
  /** A file question's own limit in MB; absent, the server's default (10 MB as shipped). */
  maxMegabytes?: number | undefined;
}

export type QuestionInput = z.input<typeof formQuestion>;

const pair = (t?: { ko?: string | undefined; en?: string | undefined }): TextPair => ({
  ko: t?.ko ?? '',
  en: t?.en ?? '',
});

/** A blank language is left out rather than sent as '' (the other one stands in for it). */
export function compactText(t: TextPair): { ko?: string; en?: string } {
  return {
    ...(t.ko.trim() ? { ko: t.ko } : {}),
    ...(t.en.trim() ? { en: t.en } : {}),
  };
}

export const isChoiceType = (type: QuestionType) => type === 'singleChoice' || type === 'multipleChoice';

/** Types whose answer a later question can be shown on. */
export const conditionTypes: readonly QuestionType[] = ['singleChoice', 'multipleChoice', 'checkbox', 'text'];

export function questionModelFrom(q: FormQuestion): QuestionModel {
  return {
    id: q.id,
    type: q.type,
    label: pair(q.label),
    help: pair(q.help),
    required: q.required,
    choices: q.choices.map((c) => ({ value: c.value, label: pair(c.label) })),
    showIf: q.showIf ? { ...q.showIf } : null,
    ...(q.maxMegabytes ? { maxMegabytes: q.maxMegabytes } : {}),
  };
}

export function questionInput(m: QuestionModel): QuestionInput {
  return {
    id: m.id.trim(),
    type: m.type,
    label: compactText(m.label),
    help: compactText(m.help),
    required: m.required,
    choices: isChoiceType(m.type)
      ? m.choices.map((c) => ({ value: c.value.trim(), label: compactText(c.label) }))
      : [],
    showIf: m.showIf ? { ...m.showIf } : null,
    ...(m.type === 'file' && m.maxMegabytes ? { maxMegabytes: m.maxMegabytes } : {}),
  };
}

/** The first free id of the form question_1, question_2, ... */
export function freeQuestionId(list: readonly QuestionModel[]): string {
  const taken = new Set(list.map((q) => q.id));
  let n = list.length + 1;
  while (taken.has(`question_${n}`)) n += 1;
  return `question_${n}`;
}

export function newQuestion(list: readonly QuestionModel[]): QuestionModel {
  return {
    id: freeQuestionId(list),
    type: 'text',
    label: pair(),
    help: pair(),
    required: false,
    choices: [],
    showIf: null,
  };
}

export function addQuestion(list: readonly QuestionModel[]): QuestionModel[] {
  return [...list, newQuestion(list)];
}

/**
 * Drops every condition that no longer points to an earlier question (after a
 * move or a removal): such a question is then always shown, never silently hidden.
 */
export function dropBrokenConditions(list: readonly QuestionModel[]): QuestionModel[] {
  const seen = new Set<string>();
  return list.map((q) => {
    const ok = !q.showIf || seen.has(q.showIf.questionId);
    seen.add(q.id);
    return ok ? q : { ...q, showIf: null };
  });
}

export function removeQuestion(list: readonly QuestionModel[], index: number): QuestionModel[] {
  return dropBrokenConditions(list.filter((_, i) => i !== index));
}

/** Moves a question one place up (-1) or down (+1); nothing happens at either end. */
export function moveQuestion(list: readonly QuestionModel[], index: number, delta: -1 | 1): QuestionModel[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(target, 0, moved);
  return dropBrokenConditions(next);
}

/**
 * The condition of a question that depends on `old`, once `old` became `q`: it
 * follows a renamed id and a renamed choice; a removed choice or a new type
 * starts it over on the first value (or drops it, if the new type cannot carry one).
 */
function followCondition(
  showIf: NonNullable<QuestionModel['showIf']>,
  old: QuestionModel,
  q: QuestionModel,
): QuestionModel['showIf'] {
  if (old.type !== q.type) return conditionTypes.includes(q.type) ? conditionOn(q) : null;
  if (!isChoiceType(q.type)) return { ...showIf, questionId: q.id };
  if (q.choices.some((c) => c.value === showIf.equals)) return { ...showIf, questionId: q.id };
  // Same number of choices: one was renamed, so follow it; otherwise the chosen one was removed.
  const at = old.choices.findIndex((c) => c.value === showIf.equals);
  const renamed = old.choices.length === q.choices.length ? q.choices[at] : undefined;
  return renamed ? { questionId: q.id, equals: renamed.value } : conditionOn(q);
}

/** Replaces one question; the conditions that name it follow the change (see followCondition). */
export function replaceQuestion(
  list: readonly QuestionModel[],
  index: number,
  q: QuestionModel,
): QuestionModel[] {
  const old = list[index];
  if (!old) return [...list];
  return list.map((other, i) => {
    if (i === index) return q;
    if (other.showIf?.questionId !== old.id) return other;
    return { ...other, showIf: followCondition(other.showIf, old, q) };
  });
}

/** A new type: choices only for choice questions, and at least two to start with. */
export function withType(q: QuestionModel, type: QuestionType): QuestionModel {
  if (!isChoiceType(type)) return { ...q, type, choices: [] };
  const choices = [...q.choices];
  while (choices.length < 2) choices.push({ value: `choice_${choices.length + 1}`, label: pair() });
  return { ...q, type, choices };
}

export function addChoice(q: QuestionModel): QuestionModel {
  const taken = new Set(q.choices.map((c) => c.value));
  let n = q.choices.length + 1;
  while (taken.has(`choice_${n}`)) n += 1;
  return { ...q, choices: [...q.choices, { value: `choice_${n}`, label: pair() }] };
}

export function removeChoice(q: QuestionModel, index: number): QuestionModel {
  return { ...q, choices: q.choices.filter((_, i) => i !== index) };
}

/** Earlier questions a question at `index` may be shown on. */
export function conditionSources(list: readonly QuestionModel[], index: number): QuestionModel[] {
  return list.slice(0, Math.max(0, index)).filter((q) => conditionTypes.includes(q.type));
}

/**
 * The values a condition on `source` can compare with (a checkbox's have no
 * label of their own: the screen words ticked / not ticked); null means free text.
 */
export function conditionValues(
  source: QuestionModel,
): Array<{ value: string | boolean; label: TextPair | null }> | null {
  if (isChoiceType(source.type)) return source.choices.map((c) => ({ value: c.value, label: c.label }));
  if (source.type === 'checkbox') {
    return [
      { value: true, label: null },
      { value: false, label: null },
    ];
  }
  return null;
}

/** A condition on a new source starts on that source's first value (or empty text). */
export function conditionOn(source: QuestionModel): QuestionModel['showIf'] {
  const values = conditionValues(source);
  return { questionId: source.id, equals: values ? (values[0]?.value ?? '') : '' };
}
