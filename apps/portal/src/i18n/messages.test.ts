import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { registrationEn } from './registration.en';
import { registrationKo } from './registration.ko';
import { accountEn } from './account.en';
import { accountKo } from './account.ko';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out[prefix + key] = value;
    else Object.assign(out, flatten(value, `${prefix}${key}.`));
  }
  return out;
}

describe.each([
  ['portal messages', ko, en],
  ['registration messages (loaded with the registration pages)', registrationKo, registrationEn],
  ['account messages (loaded with the account pages)', accountKo, accountEn],
])('%s', (_name, koTree: Tree, enTree: Tree) => {
  const koFlat = flatten(koTree);
  const enFlat = flatten(enTree);

  it('have the same keys in Korean and English, none empty', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(koFlat).sort());
    for (const [key, text] of Object.entries({ ...koFlat, ...enFlat })) expect(text.trim(), key).not.toBe('');
  });

  it('are plain text: no vue-i18n syntax, since messages are never compiled', () => {
    for (const [key, text] of Object.entries({ ...koFlat, ...enFlat }))
      expect(text, key).not.toMatch(/[{}@|]/);
  });
});
