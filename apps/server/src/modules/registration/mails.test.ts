import { describe, expect, it } from 'vitest';
import { renderRegistrationMail, type RegistrationMailKind } from './mails';

const kinds: RegistrationMailKind[] = [
  'verify',
  'confirmed',
  'pending',
  'waitlisted',
  'offer',
  'cancelled',
  'rejected',
  'link',
];
const facts = {
  eventTitle: { ko: '제18차 TCI 글로벌 컨퍼런스', en: '18th TCI Global Conference' },
  name: 'Anna Schmidt',
  reference: 'TCI-7KQ2',
  link: 'https://plenary.example/r/token',
  waitlistPosition: 3,
  offerDeadline: new Date('2015-10-10T09:00:00Z'),
  reason: null,
};

describe("participants' mails", () => {
  it.each(kinds)('in English, "%s" starts its first sentence with a capital after "Dear X,"', (kind) => {
    const { text } = renderRegistrationMail(kind, facts, 'en');
    expect(text.startsWith('Dear Anna Schmidt,\n\n')).toBe(true);
    expect(text.slice('Dear Anna Schmidt,\n\n'.length)).toMatch(/^[A-Z0-9]/);
  });

  it.each(kinds)('call the reference "registration number" / "등록 번호" in "%s"', (kind) => {
    expect(renderRegistrationMail(kind, facts, 'en').text).toContain('Registration number: TCI-7KQ2');
    expect(renderRegistrationMail(kind, facts, 'ko').text).toContain('등록 번호: TCI-7KQ2');
  });

  it('gives the offer deadline in the event’s zone, naming it (the page shows Seoul time)', () => {
    const event = { startsAt: new Date(0), endsAt: new Date(0), timeZone: 'Asia/Seoul' };
    expect(renderRegistrationMail('offer', facts, 'en', event).subject).toBe(
      '[18th TCI Global Conference] A place is free for you: accept by 10 Oct 2015, 18:00 (Asia/Seoul)',
    );
    expect(renderRegistrationMail('offer', facts, 'ko', event).subject).toBe(
      '[제18차 TCI 글로벌 컨퍼런스] 자리가 났습니다: 2015년 10월 10일 18:00 (Asia/Seoul)까지 수락하세요',
    );
  });
});
