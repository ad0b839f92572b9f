import { describe, expect, it } from 'vitest';
import {
  domainErrorStatus,
  eventRoles,
  eventStatuses,
  eventTransitions,
  mailStatusSchema,
} from '@plenary/contracts/schemas';
import { features } from '../router/features';
import { en } from './en';
import { ko } from './ko';

type Tree = { [key: string]: string | Tree };

function lookup(messages: Tree, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined),
      messages,
    );
}

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`),
  );
}

// Every source file, as text, to find the literal keys it uses.
const sources = import.meta.glob<string>(['../**/*.vue', '../**/*.ts', '!../**/*.test.ts', '!../i18n/*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function literalKeys(): string[] {
  const found = new Set<string>();
  const patterns = [/\bt\(\s*'([a-zA-Z0-9_.]+)'/g, /(?:labelKey|titleKey): '([a-zA-Z0-9_.]+)'/g];
  for (const text of Object.values(sources)) {
    for (const re of patterns) for (const m of text.matchAll(re)) found.add(m[1]!);
  }
  return [...found].sort();
}

/** Keys built at run time from a list: each list is spelled out here. */
function dynamicKeys(): string[] {
  const codes = [...Object.keys(domainErrorStatus), 'NETWORK', 'INTERNAL'];
  const sections = new Set(features.flatMap((f) => f.nav ?? []).map((e) => e.section));
  return [
    ...codes.map((c) => `errors.${c}`),
    ...eventRoles.map((r) => `roles.${r}`),
    ...eventStatuses.flatMap((s) => [`events.status.${s}`, `events.statusHelp.${s}`]),
    ...eventTransitions.flatMap((a) => [`events.actions.${a}`, `events.confirm.${a}`, `events.done.${a}`]),
    ...mailStatusSchema.options.map((s) => `mail.statuses.${s}`),
    ...[...sections].map((s) => `nav.sections.${s}`),
    ...['subtitle', 'description', 'venueName', 'venueAddress'].map((f) => `events.fields.${f}`),
    ...['action', 'objectType', 'objectId'].map((f) => `audit.${f}`),
    'common.lang.ko',
    'common.lang.en',
  ];
}

describe('messages', () => {
  it('finds the keys the sources use (a control for the scan below)', () => {
    expect(literalKeys()).toContain('auth.login.title');
    expect(literalKeys()).toContain('nav.audit');
    expect(literalKeys().length).toBeGreaterThan(150);
  });

  it.each([
    ['ko', ko],
    ['en', en],
  ])('has every key the console uses in %s', (_lang, messages) => {
    const missing = [...literalKeys(), ...dynamicKeys()].filter(
      (key) => typeof lookup(messages as Tree, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it('has the same keys in Korean and English, none empty', () => {
    expect(leaves(en as Tree)).toEqual(leaves(ko as Tree));
    const empty = leaves(ko as Tree).filter((k) => !lookup(ko as Tree, k) || !lookup(en as Tree, k));
    expect(empty).toEqual([]);
  });

  it('uses no "@" (vue-i18n reads it as a link to another message)', () => {
    const withAt = [
      ...leaves(ko as Tree).map((k) => lookup(ko as Tree, k)),
      ...leaves(en as Tree).map((k) => lookup(en as Tree, k)),
    ].filter((v) => typeof v === 'string' && v.includes('@'));
    expect(withAt).toEqual([]);
  });
});
