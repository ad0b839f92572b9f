import { describe, expect, it } from 'vitest';
import { actionWord, actorWord, fieldWord, objectWord } from './audit-words';

describe('audit words', () => {
  it('names actions, object types and fields in the staff member’s language', () => {
    expect([actionWord('registration.create', 'ko'), actionWord('registration.create', 'en')]).toEqual([
      '등록',
      'Registered',
    ]);
    expect(objectWord('webhookSubscription', 'ko')).toBe('웹훅');
    expect(fieldWord('paymentStatus', 'en')).toBe('Payment');
  });

  it('shows a code it has no words for as it is', () => {
    expect(actionWord('submission.submit', 'ko')).toBe('submission.submit');
  });

  it('names the actor by current name, a partner by its name, and others by kind, never by an email', () => {
    const user = {
      actor: { kind: 'user' as const, id: 'u1', partnerId: null, name: 'Kim Min-ji' },
      actorLabel: 'kim@example.org',
    };
    const key = {
      actor: { kind: 'apiKey' as const, id: 'k1', partnerId: 'p1', name: 'KOTRA' },
      actorLabel: 'partner KOTRA',
    };
    const participant = {
      actor: { kind: 'participant' as const, id: 'r1', partnerId: null, name: null },
      actorLabel: 'participant',
    };
    expect([actorWord(user, 'ko'), actorWord(key, 'ko'), actorWord(participant, 'ko')]).toEqual([
      'Kim Min-ji',
      '파트너 API: KOTRA',
      '참가자',
    ]);
    expect(actorWord(participant, 'en')).toBe('Participant');
  });
});
