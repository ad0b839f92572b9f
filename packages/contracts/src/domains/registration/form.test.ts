import { describe, expect, it } from 'vitest';
import { checkAnswers, type FormQuestion } from './form';

const paperTitle = {
  id: 'paper_title',
  type: 'text',
  label: { en: 'Paper title' },
  required: true,
  choices: [],
  showIf: null,
} as unknown as FormQuestion;

describe('checkAnswers', () => {
  it('takes blank text as no answer: a required question answered with spaces is refused', () => {
    // Found by the registration fuzz test: " " passed as the title of a paper.
    expect(checkAnswers([paperTitle], { paper_title: ' ' }).errors).toEqual({
      'answers.paper_title': ['Required'],
    });
    expect(checkAnswers([paperTitle], { paper_title: '\t\n' }).errors).toEqual({
      'answers.paper_title': ['Required'],
    });
    expect(checkAnswers([paperTitle], { paper_title: 'Smart specialisation in Daegu' })).toEqual({
      errors: {},
      kept: { paper_title: 'Smart specialisation in Daegu' },
    });
  });
});
