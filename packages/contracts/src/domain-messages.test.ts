import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainMessage, domainMessages } from './domain-messages';
import { DomainError } from './errors';

const root = join(import.meta.dirname, '..', '..', '..');

/** Every TypeScript source (not tests) of the server and the contracts. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // The demo's data has keys of its own (an agreement's clause keys), and throws nothing.
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'demo' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The message keys the code throws: `{ key: '...' }` given to a DomainError or
 * to the access rules' refusals, and the object rules' table of keys.
 */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  const files = [...sources(join(root, 'apps/server/src')), ...sources(join(root, 'packages/contracts/src'))];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\{\s*key:\s*'(\w+)'/g)) used.set(m[1]!, file);
  }
  const trpc = readFileSync(join(root, 'packages/contracts/src/trpc.ts'), 'utf8');
  const table = /const objectNotFound[^{]*\{([^}]*)\}/.exec(trpc)?.[1] ?? '';
  for (const m of table.matchAll(/:\s*'(\w+)'/g)) used.set(m[1]!, 'trpc.ts objectNotFound');
  return used;
}

const placeholders = (text: string) => [...text.matchAll(/\{@?(\w+)\}/g)].map((m) => m[0]).sort();

describe('domain error messages', () => {
  it('finds the keys the code throws (a control for the check below)', () => {
    const used = usedKeys();
    expect(used.has('signInFirst')).toBe(true);
    expect(used.has('registrationNotFound')).toBe(true);
    expect(used.has('emailAlreadyRegistered')).toBe(true);
    expect(used.size).toBeGreaterThan(25);
  });

  it('finds the keys of issue 9 §7, and no DomainError anywhere in the server or contracts without a key', () => {
    const used = usedKeys();
    for (const key of [
      'tooManySignInAttempts',
      'partnerNameTaken',
      'eventSlugTaken',
      'theRegistrationWasNotFound',
      'delegateRefused',
      'optionNotOffered',
      'categoryCapacityBelowTaken',
    ])
      expect(used.has(key), key).toBe(true);
    // The type holds this already (DomainError takes a DomainMessage only); the scan
    // keeps it held if the type ever loosens: every DomainError's words are a key
    // ({ key: ... }, a choice of keys, or a DomainMessage built above it), never text.
    const files = [...sources(join(root, 'apps/server/src')), ...sources(join(root, 'packages/contracts/src'))];
    const englishOnly = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/new DomainError\(\s*[\w.']+,\s*(['`"]|[^,{]*\?\?\s*['`"])/g)].map(
        (m) => `${file.slice(root.length)}: ${m[0]}`,
      ),
    );
    expect(englishOnly).toEqual([]);
  });

  it('holds English text out of a DomainError by its type', () => {
    // @ts-expect-error a sentence without a key is refused by the compiler (typecheck fails if it is not)
    const english = () => new DomainError('CONFLICT', 'Another partner already has this name');
    expect(english).toThrow('A DomainError needs a key of domain-messages.ts, not "Another partner already has this name"');
  });

  it('has every key used, in Korean and English, with the same placeholders', () => {
    const catalogue = domainMessages as Record<string, { en?: string; ko?: string }>;
    const wrong: string[] = [];
    for (const [key, file] of usedKeys()) {
      const entry = catalogue[key];
      if (!entry) wrong.push(`${key}: missing (thrown in ${file})`);
      else if (!entry.en || !entry.ko) wrong.push(`${key}: missing ${entry.en ? 'ko' : 'en'}`);
      else if (!/[\uac00-\ud7a3]/.test(entry.ko)) wrong.push(`${key}: the Korean text is not Korean`);
      else if (placeholders(entry.en).join() !== placeholders(entry.ko).join())
        wrong.push(`${key}: placeholders differ`);
    }
    expect(wrong).toEqual([]);
  });

  it('a DomainError by key speaks English (the API) and carries its key and parameters', () => {
    const err = new DomainError('INVALID_STATE', {
      key: 'registrationAlreadyEnded',
      params: { status: 'cancelled' },
    });
    expect([err.message, err.messageKey, err.messageParams]).toEqual([
      'This registration is already cancelled',
      'registrationAlreadyEnded',
      { status: 'cancelled' },
    ]);
    expect(domainMessage('registrationAlreadyEnded', { status: '취소' }, 'ko')).toBe(
      '이 등록은 이미 취소 상태입니다',
    );
    expect(domainMessage('delegateRefused', { delegate: 3, reason: 'emailAlreadyRegistered' }, 'ko')).toBe(
      `대표단원 3: ${domainMessage('emailAlreadyRegistered', {}, 'ko')}`,
    );
  });
});
