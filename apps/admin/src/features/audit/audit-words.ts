import type { AuditActorKind, Locale } from '@plenary/contracts/schemas';
import type { AuditEntry } from './use-audit-store';

type Words = Record<string, { ko: string; en: string }>;

/**
 * The audit log's codes as words for staff: actions, object types and field
 * names. A code not listed here is shown as it is (a new module's action reads
 * as its code until it adds its words), so this list can grow module by module.
 */
const actions: Words = {
  'apiKey.create': { en: 'API key issued', ko: 'API 키 발급' },
  'apiKey.revoke': { en: 'API key revoked', ko: 'API 키 폐기' },
  'consent.publish': { en: 'Consent text published', ko: '동의 문구 게시' },
  'delegation.create': { en: 'Delegation registered', ko: '대표단 등록' },
  'event.create': { en: 'Event created', ko: '행사 생성' },
  'event.update': { en: 'Event changed', ko: '행사 수정' },
  'event.publish': { en: 'Event published', ko: '행사 공개' },
  'event.close': { en: 'Event closed', ko: '행사 마감' },
  'event.archive': { en: 'Event archived', ko: '행사 보관' },
  'event.reopen': { en: 'Event reopened', ko: '행사 다시 열기' },
  'invitationCode.create': { en: 'Invitation code created', ko: '초대 코드 생성' },
  'invitationCode.revoke': { en: 'Invitation code revoked', ko: '초대 코드 폐기' },
  'partner.create': { en: 'Partner added', ko: '파트너 추가' },
  'partner.link': { en: 'Partner linked to events', ko: '파트너 행사 연결' },
  'partner.update': { en: 'Partner changed', ko: '파트너 수정' },
  'registration.acceptOffer': { en: 'Offer accepted', ko: '자리 제안 수락' },
  'registration.approve': { en: 'Registration approved', ko: '등록 승인' },
  'registration.reject': { en: 'Registration rejected', ko: '등록 거절' },
  'registration.cancel': { en: 'Registration cancelled', ko: '등록 취소' },
  'registration.check_in': { en: 'Checked in', ko: '현장 체크인' },
  'registration.undo_check_in': { en: 'Check-in undone', ko: '체크인 취소' },
  'registration.create': { en: 'Registered', ko: '등록' },
  'registration.emailMany': { en: 'Email sent to participants', ko: '참가자에게 이메일 발송' },
  'registration.moveInWaitlist': { en: 'Moved on the waiting list', ko: '대기 순서 변경' },
  'registration.moveInOptionWaitlist': { en: 'Moved on an option waiting list', ko: '선택 항목 대기 순서 변경' },
  'registration.correctName': { en: 'Name corrected by the participant', ko: '참가자가 이름 수정' },
  'registration.offer': { en: 'Place offered', ko: '자리 제안' },
  'registration.optionBooked': { en: 'Option booked', ko: '선택 항목 예약' },
  'registration.payment': { en: 'Payment recorded', ko: '결제 상태 변경' },
  'registration.selfUpdate': { en: 'Changed by the participant', ko: '참가자가 정보 수정' },
  'registration.update': { en: 'Registration changed', ko: '등록 정보 수정' },
  'registration.verifyEmail': { en: 'Email address confirmed', ko: '이메일 주소 확인' },
  'registrationCategory.create': { en: 'Category created', ko: '등록 유형 생성' },
  'registrationCategory.update': { en: 'Category changed', ko: '등록 유형 수정' },
  'registrationCategory.delete': { en: 'Category deleted', ko: '등록 유형 삭제' },
  'registrationOption.create': { en: 'Option created', ko: '선택 항목 생성' },
  'registrationOption.update': { en: 'Option changed', ko: '선택 항목 수정' },
  'registrationOption.delete': { en: 'Option deleted', ko: '선택 항목 삭제' },
  'team.acceptInvitation': { en: 'Invitation accepted', ko: '초대 수락' },
  'team.changeRole': { en: 'Role changed', ko: '역할 변경' },
  'team.invite': { en: 'Invited to the team', ko: '팀 초대' },
  'team.remove': { en: 'Removed from the team', ko: '팀에서 제외' },
  'team.revokeInvitation': { en: 'Invitation revoked', ko: '초대 취소' },
  'user.changePassword': { en: 'Password changed', ko: '비밀번호 변경' },
  'user.create': { en: 'Account created', ko: '계정 생성' },
  'user.disableTotp': { en: 'Two-factor sign-in turned off', ko: '2단계 인증 해제' },
  'user.enableTotp': { en: 'Two-factor sign-in turned on', ko: '2단계 인증 설정' },
  'user.logoutEverywhere': { en: 'Signed out everywhere', ko: '모든 기기에서 로그아웃' },
  'user.regenerateRecoveryCodes': { en: 'New recovery codes', ko: '복구 코드 재발급' },
  'user.resetPassword': { en: 'Password reset', ko: '비밀번호 재설정' },
  'user.updateProfile': { en: 'Profile changed', ko: '프로필 수정' },
  'visa.approve': { en: 'Visa letter approved', ko: '비자 초청장 승인' },
  'visa.reject': { en: 'Visa letter refused', ko: '비자 초청장 거절' },
  'visa.request': { en: 'Visa letter requested', ko: '비자 초청장 요청' },
  'visa.rerequest': { en: 'Visa letter requested again', ko: '비자 초청장 재요청' },
  'visa.purge_passport_data': { en: 'Passport data erased', ko: '여권 정보 삭제' },
  'webhook.create': { en: 'Webhook subscribed', ko: '웹훅 구독' },
  'webhook.redeliver': { en: 'Webhook sent again', ko: '웹훅 재전송' },
  'webhook.remove': { en: 'Webhook removed', ko: '웹훅 삭제' },
};

const objects: Words = {
  registration: { en: 'Registration', ko: '등록' },
  user: { en: 'Account', ko: '계정' },
  registrationCategory: { en: 'Category', ko: '등록 유형' },
  registrationOption: { en: 'Option', ko: '선택 항목' },
  registrationSettings: { en: 'Registration settings', ko: '등록 설정' },
  partner: { en: 'Partner', ko: '파트너' },
  event: { en: 'Event', ko: '행사' },
  apiKey: { en: 'API key', ko: 'API 키' },
  webhookSubscription: { en: 'Webhook', ko: '웹훅' },
  webhookDelivery: { en: 'Webhook delivery', ko: '웹훅 전송' },
  visa_letter_request: { en: 'Visa letter request', ko: '비자 초청장 요청' },
  member: { en: 'Team member', ko: '팀원' },
  invitation: { en: 'Team invitation', ko: '팀 초대' },
  invitationCode: { en: 'Invitation code', ko: '초대 코드' },
  consent: { en: 'Consent text', ko: '동의 문구' },
  delegation: { en: 'Delegation', ko: '대표단' },
};

const fields: Words = {
  status: { en: 'Status', ko: '상태' },
  categoryId: { en: 'Category', ko: '등록 유형' },
  email: { en: 'Email', ko: '이메일' },
  source: { en: 'Registered through', ko: '등록 경로' },
  options: { en: 'Options', ko: '선택 항목' },
  reason: { en: 'Reason', ko: '사유' },
  paymentStatus: { en: 'Payment', ko: '결제 상태' },
  paymentReference: { en: 'Payment reference', ko: '결제 참조 번호' },
  givenName: { en: 'Given name', ko: '이름' },
  familyName: { en: 'Family name', ko: '성' },
  localName: { en: 'Name in Korean', ko: '한글 이름' },
  organisation: { en: 'Organisation', ko: '소속 기관' },
  jobTitle: { en: 'Job title', ko: '직함' },
  country: { en: 'Country', ko: '국가' },
  phone: { en: 'Phone', ko: '전화번호' },
  answers: { en: 'Answers', ko: '추가 질문 답변' },
  emailVerified: { en: 'Email confirmed', ko: '이메일 확인' },
  title: { en: 'Title', ko: '제목' },
  slug: { en: 'Address name', ko: '주소 이름' },
  name: { en: 'Name', ko: '이름' },
  displayName: { en: 'Name', ko: '이름' },
  role: { en: 'Role', ko: '역할' },
  capacity: { en: 'Places', ko: '정원' },
  label: { en: 'Label', ko: '이름' },
  code: { en: 'Code', ko: '코드' },
  scopes: { en: 'Permissions', ko: '권한' },
  url: { en: 'Address', ko: '주소' },
  eventTypes: { en: 'Event types', ko: '이벤트 유형' },
  active: { en: 'Active', ko: '사용 중' },
  members: { en: 'Members', ko: '구성원' },
  contactEmail: { en: 'Contact email', ko: '담당자 이메일' },
  checkedInAt: { en: 'Checked in at', ko: '체크인 시각' },
  position: { en: 'Position', ko: '순서' },
};

function word(list: Words, code: string, locale: Locale): string {
  return list[code]?.[locale] ?? code;
}
export const actionWord = (code: string, locale: Locale) => word(actions, code, locale);
export const objectWord = (code: string, locale: Locale) => word(objects, code, locale);
export const fieldWord = (code: string, locale: Locale) => word(fields, code, locale);

const kinds: Record<AuditActorKind, { ko: string; en: string }> = {
  user: { en: 'Staff', ko: '운영진' },
  person: { en: 'Participant account', ko: '참가자 계정' },
  participant: { en: 'Participant', ko: '참가자' },
  delegationContact: { en: 'Delegation contact', ko: '대표단 담당자' },
  apiKey: { en: 'Partner API', ko: '파트너 API' },
  cli: { en: 'Command line', ko: '명령줄' },
  system: { en: 'System', ko: '시스템' },
  anonymous: { en: 'Anonymous', ko: '익명' },
};

/** Who acted, in words: a staff member's or partner's current name, else what kind of actor it was. */
export function actorWord(entry: Pick<AuditEntry, 'actor' | 'actorLabel'>, locale: Locale): string {
  const { kind, name } = entry.actor;
  if (kind === 'user') return name ?? entry.actorLabel;
  if (kind === 'apiKey') return name ? `${kinds.apiKey[locale]}: ${name}` : kinds.apiKey[locale];
  return kinds[kind][locale];
}
