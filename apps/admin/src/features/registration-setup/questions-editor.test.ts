import { describe, expect, it } from 'vitest';
import { formQuestions, zodFieldErrors } from '@plenary/contracts/schemas';
import {
  addChoice,
  addQuestion,
  conditionOn,
  conditionSources,
  conditionValues,
  moveQuestion,
  questionInput,
  questionModelFrom,
  removeChoice,
  removeQuestion,
  replaceQuestion,
  withType,
  type QuestionModel,
} from './questions-editor';

const text = (ko: string, en: string) => ({ ko, en });

function interest(): QuestionModel {
  return {
    id: 'interest',
    type: 'singleChoice',
    label: text('관심 분야', 'Field of interest'),
    help: text('', ''),
    required: true,
    choices: [
      { value: 'policy', label: text('정책', 'Policy') },
      { value: 'business', label: text('', 'Business') },
    ],
    showIf: null,
  };
}
function detail(): QuestionModel {
  return {
    id: 'policy_detail',
    type: 'text',
    label: text('', 'Which policy area?'),
    help: text('', ''),
    required: false,
    choices: [],
    showIf: { questionId: 'interest', equals: 'policy' },
  };
}

describe('questions editor', () => {
  it('adds text questions with free ids', () => {
    const one = addQuestion([]);
    const two = addQuestion(one);
    expect(two.map((q) => [q.id, q.type, q.choices.length, q.showIf])).toEqual([
      ['question_1', 'text', 0, null],
      ['question_2', 'text', 0, null],
    ]);
    const renamed = [{ ...two[0]!, id: 'question_3' }, two[1]!];
    expect(addQuestion(renamed)[2]?.id).toBe('question_4');
  });

  it('drops a condition when its question is removed or moved below', () => {
    expect(removeQuestion([interest(), detail()], 0)).toEqual([{ ...detail(), showIf: null }]);
    expect(moveQuestion([interest(), detail()], 1, -1).map((q) => [q.id, q.showIf])).toEqual([
      ['policy_detail', null],
      ['interest', null],
    ]);
    // A move that keeps the order of the two keeps the condition.
    const third = { ...detail(), id: 'other', showIf: null };
    expect(
      moveQuestion([interest(), third, detail()], 2, -1).map((q) => [q.id, q.showIf?.equals ?? null]),
    ).toEqual([
      ['interest', null],
      ['policy_detail', 'policy'],
      ['other', null],
    ]);
    // Nothing moves past either end.
    expect(moveQuestion([interest(), detail()], 0, -1).map((q) => q.id)).toEqual([
      'interest',
      'policy_detail',
    ]);
  });

  it('follows a renamed question in the conditions that name it', () => {
    const list = replaceQuestion([interest(), detail()], 0, { ...interest(), id: 'field' });
    expect(list[1]?.showIf).toEqual({ questionId: 'field', equals: 'policy' });
  });

  it('follows a renamed choice, and starts over on a removed choice or a new type', () => {
    const renamed = interest();
    renamed.choices = [{ ...renamed.choices[0]!, value: 'cluster_policy' }, renamed.choices[1]!];
    expect(replaceQuestion([interest(), detail()], 0, renamed)[1]?.showIf).toEqual({
      questionId: 'interest',
      equals: 'cluster_policy',
    });
    const fewer = removeChoice(interest(), 0);
    expect(replaceQuestion([interest(), detail()], 0, fewer)[1]?.showIf).toEqual({
      questionId: 'interest',
      equals: 'business',
    });
    const more = addChoice(interest());
    expect(replaceQuestion([interest(), detail()], 0, more)[1]?.showIf?.equals).toBe('policy');
    const ticked = withType(interest(), 'checkbox');
    expect(replaceQuestion([interest(), detail()], 0, ticked)[1]?.showIf).toEqual({
      questionId: 'interest',
      equals: true,
    });
    const dated = withType(interest(), 'date');
    expect(replaceQuestion([interest(), detail()], 0, dated)[1]?.showIf).toBe(null);
  });

  it('keeps choices only for choice questions, starting with two', () => {
    const q = withType(detail(), 'multipleChoice');
    expect(q.choices.map((c) => c.value)).toEqual(['choice_1', 'choice_2']);
    expect(addChoice(q).choices.map((c) => c.value)).toEqual(['choice_1', 'choice_2', 'choice_3']);
    expect(removeChoice(q, 0).choices.map((c) => c.value)).toEqual(['choice_2']);
    expect(withType(interest(), 'date').choices).toEqual([]);
  });

  it('offers earlier answerable questions as conditions, with their values', () => {
    const upload = { ...detail(), id: 'cv', type: 'file' as const, showIf: null };
    const consent = { ...detail(), id: 'tour', type: 'checkbox' as const, showIf: null };
    const list = [interest(), upload, consent, detail()];
    expect(conditionSources(list, 3).map((q) => q.id)).toEqual(['interest', 'tour']);
    expect(conditionSources(list, 0)).toEqual([]);
    expect(conditionValues(interest())?.map((v) => v.value)).toEqual(['policy', 'business']);
    expect(conditionValues(consent)).toEqual([
      { value: true, label: null },
      { value: false, label: null },
    ]);
    expect(conditionValues(detail())).toBe(null);
    expect(conditionOn(consent)).toEqual({ questionId: 'tour', equals: true });
    expect(conditionOn(detail())).toEqual({ questionId: 'policy_detail', equals: '' });
  });

  it('sends what the contract accepts, leaving blank languages out', () => {
    const input = [interest(), detail()].map(questionInput);
    expect(input[0]).toEqual({
      id: 'interest',
      type: 'singleChoice',
      label: { ko: '관심 분야', en: 'Field of interest' },
      help: {},
      required: true,
      choices: [
        { value: 'policy', label: { ko: '정책', en: 'Policy' } },
        { value: 'business', label: { en: 'Business' } },
      ],
      showIf: null,
    });
    const parsed = formQuestions.parse(input);
    expect(parsed.map(questionModelFrom)).toEqual([interest(), detail()]);
  });

  it('keeps a file question’s own size limit, and sends none for other types or when left empty', () => {
    const photo: QuestionModel = {
      id: 'photo',
      type: 'file',
      label: text('사진', 'Photo'),
      help: text('', ''),
      required: false,
      choices: [],
      showIf: null,
      maxMegabytes: 25,
    };
    const [sent] = formQuestions.parse([questionInput(photo)]);
    expect(sent).toMatchObject({ id: 'photo', type: 'file', maxMegabytes: 25 });
    expect(questionModelFrom(sent!)).toEqual(photo);
    expect(questionInput(withType(photo, 'text'))).not.toHaveProperty('maxMegabytes');
    expect(questionInput({ ...photo, maxMegabytes: undefined })).not.toHaveProperty('maxMegabytes');
    const tooBig = formQuestions.safeParse([questionInput({ ...photo, maxMegabytes: 51 })]);
    expect(tooBig.success ? {} : zodFieldErrors(tooBig.error)).toEqual({
      '0.maxMegabytes': [expect.any(String)],
    });
  });

  it('lets the contract word what is wrong, by path', () => {
    const noLabel = { ...detail(), label: text('', ''), showIf: null };
    const result = formQuestions.safeParse([questionInput(noLabel)]);
    expect(result.success ? {} : zodFieldErrors(result.error)).toEqual({
      '0.label.ko': ['Give the text in Korean or English'],
    });
  });
});
