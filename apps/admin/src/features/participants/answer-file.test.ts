import { describe, expect, it } from 'vitest';
import { answerFileHref } from './answer-file';

describe('answerFileHref', () => {
  it('links a file question’s answer to the file, and nothing else', () => {
    const id = '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9f21';
    expect(answerFileHref({ type: 'file' }, id)).toBe(`/files/${id}`);
    expect(answerFileHref({ type: 'text' }, id)).toBe(null);
    expect(answerFileHref({ type: 'file' }, '')).toBe(null);
    expect(answerFileHref({ type: 'file' }, true)).toBe(null);
    expect(answerFileHref(undefined, id)).toBe(null);
  });
});
