import { describe, expect, it } from 'vitest';
import { setValidationLocale } from '../../messages';
import { participantFields } from './registrations';
import { passportNameFields } from './names';

const person = {
  givenName: 'Gil-dong',
  familyName: 'Hong',
  email: 'gildong.hong@example.org',
  organisation: '한국산업단지공단',
  country: 'KR',
};

function errorsOf(input: Record<string, unknown>): Record<string, string[]> {
  const r = participantFields.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of r.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('the name as in the passport', () => {
  it('takes Roman letters with accents, spaces, hyphens and apostrophes', () => {
    for (const [givenName, familyName] of [
      ['Núria', 'Puig i Ferrer'],
      ['Thị Lan', 'Nguyễn'],
      ['Seán', "O'Brien"],
      ['Zoë', 'Dvořák-Ørsted'],
      ['Ahmed', 'Al’Amin'],
    ] as const) {
      expect(errorsOf({ ...person, givenName, familyName })).toEqual({});
    }
  });

  it('refuses Hangul, Chinese, Arabic, Thai, digits and symbols, naming the field, in English by default', () => {
    const message = 'Write the name in Roman letters, as in your passport (for example Hong Gil-dong)';
    expect(errorsOf({ ...person, givenName: '길동', familyName: '홍' })).toEqual({
      givenName: [message],
      familyName: [message],
    });
    for (const bad of ['王小明', 'أحمد', 'สมชาย', 'R2-D2', 'Kim@KICOX', '-', "'"]) {
      expect(errorsOf({ ...person, givenName: bad })).toEqual({ givenName: [message] });
    }
  });

  it('words the refusal in Korean when the browser asks for it', () => {
    setValidationLocale('ko');
    try {
      expect(errorsOf({ ...person, familyName: '홍' })).toEqual({
        familyName: ['여권에 적힌 대로 로마자(영문)로 입력하세요 (예: Hong Gil-dong)'],
      });
    } finally {
      setValidationLocale('en');
    }
  });

  it('keeps the name in the person’s own script apart, in any script', () => {
    const r = participantFields.parse({ ...person, localName: ' 홍길동 ' });
    expect([r.givenName, r.familyName, r.localName]).toEqual(['Gil-dong', 'Hong', '홍길동']);
    expect(participantFields.parse({ ...person, localName: 'محمد أحمد' }).localName).toBe('محمد أحمد');
  });

  it('is the same rule for a correction of the name', () => {
    expect(passportNameFields.safeParse({ givenName: 'Gil-dong', familyName: '홍' }).success).toBe(false);
    expect(passportNameFields.parse({ givenName: ' Gil-dong ', familyName: 'Hong', localName: '' })).toEqual({
      givenName: 'Gil-dong',
      familyName: 'Hong',
      localName: null,
    });
  });
});
