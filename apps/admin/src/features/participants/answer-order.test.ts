import { describe, expect, it } from 'vitest';
import { answersInFormOrder } from './answer-order';

describe('a registration’s answers', () => {
  it('come in the form’s order, so a conditional question follows the one that opens it', () => {
    // PostgreSQL's jsonb keeps keys shortest first: paper_title came back before presenting_paper.
    const answers = { paper_title: 'Smart specialisation', heard_about: 'kicox', presenting_paper: true };
    const questions = [{ id: 'heard_about' }, { id: 'presenting_paper' }, { id: 'paper_title' }];
    expect(answersInFormOrder(answers, questions).map(([id]) => id)).toEqual([
      'heard_about',
      'presenting_paper',
      'paper_title',
    ]);
  });

  it('puts answers to questions no longer on the form last, as they were', () => {
    expect(
      answersInFormOrder({ old: 'x', b: 1, a: 2 }, [{ id: 'a' }, { id: 'b' }]).map(([id]) => id),
    ).toEqual(['a', 'b', 'old']);
  });
});
