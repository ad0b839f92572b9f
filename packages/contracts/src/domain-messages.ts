// The words of domain errors, free of zod so the browser can import them.
import type { Locale } from './localized';

/**
 * Every domain error sentence that carries a key, in English and Korean. A
 * service throws `new DomainError(code, { key, params })`; the error formatter
 * sends the key and parameters beside the English message (the partner API's
 * language), and the portal and admin word it in the person's language.
 * domain-messages.test.ts checks that every key thrown anywhere is here in
 * both languages, with the same placeholders.
 */
export const domainMessages = {
  // The access rules (trpc.ts).
  signInFirst: { en: 'Sign in first', ko: '먼저 로그인하세요' },
  secondFactorFirst: { en: 'Enter your second-factor code first', ko: '먼저 2단계 인증 코드를 입력하세요' },
  platformAdminOnly: {
    en: 'Only platform administrators may do this',
    ko: '플랫폼 관리자만 할 수 있습니다',
  },
  notOnTeam: { en: 'You are not on this event’s team', ko: '이 행사의 팀원이 아닙니다' },
  roleRefused: {
    en: 'Your role in this event does not allow this',
    ko: '이 행사에서 맡은 역할로는 할 수 없습니다',
  },
  twoFactorRequired: {
    en: 'This event requires two-factor sign-in: set it up in your profile',
    ko: '이 행사는 2단계 인증이 필요합니다. 프로필에서 설정하세요',
  },
  linkInvalid: {
    en: 'This link is not valid any more: use the newest email, or ask for a new link',
    ko: '더 이상 유효하지 않은 링크입니다. 가장 최근 이메일의 링크를 쓰거나 새 링크를 요청하세요',
  },
  apiKeyMissing: {
    en: 'Send a valid API key: Authorization: Bearer <key>',
    ko: '올바른 API 키를 보내세요: Authorization: Bearer <key>',
  },
  apiKeyScope: { en: 'This API key lacks the scope {scope}', ko: '이 API 키에는 {scope} 권한이 없습니다' },
  eventNotFound: { en: 'No such event', ko: '행사를 찾을 수 없습니다' },
  tooManyRequests: {
    en: 'Too many requests: try again in {seconds} seconds',
    ko: '요청이 너무 많습니다. {seconds}초 뒤에 다시 시도하세요',
  },
  // Object rules: a missing object and another's read the same.
  registrationNotFound: { en: 'No such registration', ko: '등록을 찾을 수 없습니다' },
  delegationNotFound: { en: 'No such delegation', ko: '대표단을 찾을 수 없습니다' },
  categoryNotFound: { en: 'This category was not found', ko: '등록 유형을 찾을 수 없습니다' },
  optionNotFound: { en: 'This option was not found', ko: '선택 항목을 찾을 수 없습니다' },
  invitationCodeNotFound: { en: 'This invitation code was not found', ko: '초대 코드를 찾을 수 없습니다' },
  webhookNotFound: { en: 'The webhook subscription was not found', ko: '웹훅 구독을 찾을 수 없습니다' },
  webhookDeliveryNotFound: { en: 'The delivery was not found', ko: '전송 기록을 찾을 수 없습니다' },
  // What a participant meets on the portal.
  registrationClosed: {
    en: 'Registration for this event is not open',
    ko: '이 행사는 지금 등록을 받지 않습니다',
  },
  categoryNotOpenYet: {
    en: 'Registration in this category is not open yet',
    ko: '이 등록 유형은 아직 등록을 받지 않습니다',
  },
  categoryClosed: {
    en: 'Registration in this category has closed',
    ko: '이 등록 유형은 등록이 마감되었습니다',
  },
  emailAlreadyRegistered: {
    en: 'This email address is already registered for this event',
    ko: '이 이메일 주소로 이미 이 행사에 등록되어 있습니다',
  },
  cannotCancelHere: {
    en: 'This registration cannot be cancelled here: contact the organisers',
    ko: '여기에서는 이 등록을 취소할 수 없습니다. 주최 측에 문의하세요',
  },
  noOpenOfferMayHaveExpired: {
    en: 'There is no open offer for this registration (it may have expired)',
    ko: '이 등록에 열려 있는 자리 제안이 없습니다 (기한이 지났을 수 있습니다)',
  },
  noOpenOffer: {
    en: 'There is no open offer for this registration',
    ko: '이 등록에 열려 있는 자리 제안이 없습니다',
  },
  registrationAlreadyEnded: {
    en: 'This registration is already {status}',
    ko: '이 등록은 이미 {status} 상태입니다',
  },
  onlyWaitingCanBeRejected: {
    en: 'Only a registration awaiting approval or a place can be rejected',
    ko: '승인이나 자리를 기다리는 등록만 거절할 수 있습니다',
  },
  statusChangeRefused: {
    en: 'A registration that is {from} cannot become {to}',
    ko: '{from} 상태의 등록은 {to} 상태가 될 수 없습니다',
  },
  changedMeanwhile: {
    en: 'The registration changed meanwhile; try again',
    ko: '그 사이에 등록이 바뀌었습니다. 다시 시도하세요',
  },
  ticketNeedsConfirmation: {
    en: 'The ticket is issued once the registration is confirmed',
    ko: '입장권은 등록이 확정된 뒤에 발급됩니다',
  },
  visaLettersNotIssued: {
    en: 'This event does not issue visa invitation letters',
    ko: '이 행사는 비자 초청장을 발급하지 않습니다',
  },
  visaNotForEndedRegistration: {
    en: 'A {status} registration cannot ask for a visa letter',
    ko: '{status} 상태의 등록으로는 비자 초청장을 요청할 수 없습니다',
  },
  visaAlreadyRequested: {
    en: 'A visa letter was already requested for this registration',
    ko: '이 등록으로 이미 비자 초청장을 요청했습니다',
  },
  altchaRequired: {
    en: 'Complete the check that you are not a robot, then send the form again',
    ko: '로봇이 아님을 확인하는 절차를 마친 뒤 양식을 다시 보내세요',
  },
  altchaInvalid: {
    en: 'The check that you are not a robot has expired or was already used: complete it again',
    ko: '로봇 확인이 만료되었거나 이미 사용되었습니다. 다시 확인하세요',
  },
  alreadyExists: { en: 'This already exists', ko: '이미 있습니다' },
  // The clients' stand-in for a field message the server sent without a key, on a Korean page.
  checkField: { en: 'Check this field', ko: '이 항목을 확인하세요' },
} as const satisfies Record<string, Record<Locale, string>>;

export type DomainMessageKey = keyof typeof domainMessages;
export type DomainMessageParams = Record<string, string | number>;

/** A domain error's words by key, for DomainError and for the clients. */
export interface DomainMessage {
  key: DomainMessageKey;
  params?: DomainMessageParams;
}

export function isDomainMessageKey(key: unknown): key is DomainMessageKey {
  return typeof key === 'string' && Object.hasOwn(domainMessages, key);
}

/** The sentence in a language, with {placeholders} filled in (an unknown placeholder stays as is). */
export function domainMessage(
  key: DomainMessageKey,
  params: DomainMessageParams = {},
  locale: Locale = 'en',
): string {
  return domainMessages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}
