import { describe, expect, it } from 'vitest';
import { domainMessageWords } from '@plenary/contracts/domain-messages';
import type { ApiErrorInfo } from '@plenary/ui';
import { describeApiError } from './errors';

const t = (key: string) =>
  ({ 'reg.errors.CONFLICT': '이미 있는 정보입니다.', 'reg.errors.INVALID_STATE': '지금은 할 수 없습니다.' })[
    key
  ] ?? key;

const keyed: ApiErrorInfo = {
  code: 'CONFLICT',
  message: 'This email address is already registered for this event',
  fieldErrors: {},
  messageKey: 'emailAlreadyRegistered',
  messageParams: {},
  // As the server's error formatter words it (contracts/src/trpc.ts).
  messageWords: domainMessageWords('emailAlreadyRegistered'),
};
const unkeyed: ApiErrorInfo = { code: 'INVALID_STATE', message: 'Some English sentence', fieldErrors: {} };

describe('describeApiError', () => {
  it('words the server’s sentence in Korean on a Korean page, from its key', () => {
    expect(describeApiError(t, keyed, 'ko')).toBe(
      '이미 있는 정보입니다. (이 이메일 주소로 이미 이 행사에 등록되어 있습니다)',
    );
  });

  it('never puts an English server sentence on a Korean page', () => {
    expect(describeApiError(t, unkeyed, 'ko')).toBe('지금은 할 수 없습니다.');
  });

  it('keeps the English sentence on an English page', () => {
    expect(describeApiError(t, unkeyed, 'en')).toBe('지금은 할 수 없습니다. (Some English sentence)');
    expect(describeApiError(t, keyed, 'en')).toBe(
      '이미 있는 정보입니다. (This email address is already registered for this event)',
    );
  });
});
