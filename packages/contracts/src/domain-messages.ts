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
  // Sign-in, the profile and two-factor sign-in (modules/identity).
  tooManySignInAttempts: {
    en: 'Too many failed sign-in attempts. Try again in {minutes} minutes, or reset your password.',
    ko: '로그인 실패가 너무 많습니다. {minutes}분 뒤에 다시 시도하거나 비밀번호를 재설정하세요.',
  },
  tooManySignInAttemptsOneMinute: {
    en: 'Too many failed sign-in attempts. Try again in {minutes} minute, or reset your password.',
    ko: '로그인 실패가 너무 많습니다. {minutes}분 뒤에 다시 시도하거나 비밀번호를 재설정하세요.',
  },
  tooManyCodeAttempts: {
    en: 'Too many failed code attempts. Try again in {minutes} minutes.',
    ko: '코드 입력 실패가 너무 많습니다. {minutes}분 뒤에 다시 시도하세요.',
  },
  tooManyCodeAttemptsOneMinute: {
    en: 'Too many failed code attempts. Try again in {minutes} minute.',
    ko: '코드 입력 실패가 너무 많습니다. {minutes}분 뒤에 다시 시도하세요.',
  },
  tooManyPasswordAttempts: {
    en: 'Too many failed password attempts. Try again in {minutes} minutes.',
    ko: '비밀번호 입력 실패가 너무 많습니다. {minutes}분 뒤에 다시 시도하세요.',
  },
  tooManyPasswordAttemptsOneMinute: {
    en: 'Too many failed password attempts. Try again in {minutes} minute.',
    ko: '비밀번호 입력 실패가 너무 많습니다. {minutes}분 뒤에 다시 시도하세요.',
  },
  wrongEmailOrPassword: {
    en: 'The email or password is not right',
    ko: '이메일 주소나 비밀번호가 맞지 않습니다',
  },
  wrongCode: {
    en: 'That code is not right',
    ko: '코드가 맞지 않습니다',
  },
  wrongCodeCheckClock: {
    en: 'That code is not right; check the time on your phone',
    ko: '코드가 맞지 않습니다. 휴대전화의 시각을 확인하세요',
  },
  wrongCurrentPassword: {
    en: 'The current password is not right',
    ko: '현재 비밀번호가 맞지 않습니다',
  },
  wrongPassword: {
    en: 'The password is not right',
    ko: '비밀번호가 맞지 않습니다',
  },
  twoFactorAlreadyOnTurnOffFirst: {
    en: 'Two-factor sign-in is already on; turn it off first',
    ko: '2단계 인증이 이미 켜져 있습니다. 먼저 끄세요',
  },
  twoFactorAlreadyOn: {
    en: 'Two-factor sign-in is already on',
    ko: '2단계 인증이 이미 켜져 있습니다',
  },
  twoFactorStartSetUpFirst: {
    en: 'Start the set-up first',
    ko: '먼저 설정을 시작하세요',
  },
  twoFactorTurnOnFirst: {
    en: 'Turn on two-factor sign-in first',
    ko: '먼저 2단계 인증을 켜세요',
  },
  resetLinkInvalid: {
    en: 'This reset link is not valid any more; ask for a new one',
    ko: '더 이상 유효하지 않은 재설정 링크입니다. 새 링크를 요청하세요',
  },
  // The event's team and invitations (modules/team).
  onlyOwnerGrantsOwner: {
    en: 'Only an owner can grant or remove the owner role',
    ko: '소유자만 소유자 역할을 주거나 뺄 수 있습니다',
  },
  alreadyOnTeam: {
    en: 'This person is already on the team',
    ko: '이미 팀원인 사람입니다',
  },
  notOnTeamPerson: {
    en: 'This person is not on the team',
    ko: '팀원이 아닌 사람입니다',
  },
  lastOwner: {
    en: 'An event needs at least one owner: make someone else owner first',
    ko: '행사에는 소유자가 한 명 이상 있어야 합니다. 먼저 다른 사람을 소유자로 지정하세요',
  },
  noOpenInvitation: {
    en: 'No open invitation with this id',
    ko: '이 ID의 열려 있는 초대가 없습니다',
  },
  invitationInvalid: {
    en: 'This invitation is not valid any more; ask for a new one',
    ko: '더 이상 유효하지 않은 초대입니다. 새 초대를 요청하세요',
  },
  chooseNameAndPassword: {
    en: 'Choose your name and a password to create your account',
    ko: '계정을 만들려면 이름과 비밀번호를 정하세요',
  },
  // Registration types, options, invitation codes and consents (modules/registration-setup).
  endBeforeStart: {
    en: 'The end must not be before the start',
    ko: '종료가 시작보다 앞설 수 없습니다',
  },
  feeNeedsCurrency: {
    en: 'Give a fee and its currency together, or neither',
    ko: '참가비와 통화는 함께 입력하거나 둘 다 비워 두세요',
  },
  categoryInUse: {
    en: '{count} registrations use this category (cancelled ones included); a category can be deleted only while nobody has registered in it',
    ko: '이 참가 유형으로 등록한 사람이 {count}명 있습니다(취소 포함). 아무도 등록하지 않은 참가 유형만 삭제할 수 있습니다',
  },
  categoryInUseOne: {
    en: '{count} registration uses this category (cancelled ones included); a category can be deleted only while nobody has registered in it',
    ko: '이 참가 유형으로 등록한 사람이 {count}명 있습니다(취소 포함). 아무도 등록하지 않은 참가 유형만 삭제할 수 있습니다',
  },
  optionInUse: {
    en: '{count} registrations have chosen this option (cancelled ones included); an option can be deleted only while nobody has chosen it',
    ko: '이 선택 프로그램을 고른 등록이 {count}건 있습니다(취소 포함). 아무도 고르지 않은 선택 프로그램만 삭제할 수 있습니다',
  },
  optionInUseOne: {
    en: '{count} registration has chosen this option (cancelled ones included); an option can be deleted only while nobody has chosen it',
    ko: '이 선택 프로그램을 고른 등록이 {count}건 있습니다(취소 포함). 아무도 고르지 않은 선택 프로그램만 삭제할 수 있습니다',
  },
  // Events (modules/events).
  onlyOwnerTwoFactorRule: {
    en: 'Only the event owner can change the two-factor rule',
    ko: '행사 소유자만 2단계 인증 규칙을 바꿀 수 있습니다',
  },
  eventStatusChangeRefused: {
    en: 'A {status} event cannot be changed with "{to}"',
    ko: '{status} 상태의 행사에는 "{to}" 변경을 할 수 없습니다',
  },
  publishedEventNotFound: {
    en: 'No published event has this address',
    ko: '이 주소로 공개된 행사가 없습니다',
  },
  // Partners, their API keys and the partner API (modules/partners).
  partnerNotFound: {
    en: 'No such partner',
    ko: '파트너를 찾을 수 없습니다',
  },
  partnerNameTaken: {
    en: 'Another partner already has this name',
    ko: '이 이름을 쓰는 다른 파트너가 있습니다',
  },
  partnerNameTakenInEvent: {
    en: 'Another partner of this event already has this name',
    ko: '이 행사에 이 이름을 쓰는 다른 파트너가 있습니다',
  },
  apiKeyNotFound: {
    en: 'No such API key',
    ko: 'API 키를 찾을 수 없습니다',
  },
  cursorInvalid: {
    en: 'Pass the nextCursor of the previous page, unchanged',
    ko: '이전 페이지의 nextCursor 값을 바꾸지 말고 그대로 보내세요',
  },
  // The desk: check-in, documents and visa letters (modules/desk).
  checkInNeedsConfirmed: {
    en: 'Only a confirmed registration can be checked in; this one is {status}',
    ko: '등록 확정된 등록만 체크인할 수 있습니다. 이 등록은 {status} 상태입니다',
  },
  receiptNoFee: {
    en: 'This registration has no fee, so there is no receipt',
    ko: '참가비가 없는 등록이라 영수증이 없습니다',
  },
  receiptNeedsPayment: {
    en: 'A receipt is issued once the fee is paid or waived',
    ko: '영수증은 참가비를 내거나 면제받은 뒤에 발급됩니다',
  },
  visaRequestNotApproved: {
    en: 'The visa letter request is not approved',
    ko: '비자 초청장 신청이 승인되지 않았습니다',
  },
  visaPassportErased: {
    en: 'The passport data of this request has been erased',
    ko: '이 신청의 여권 정보는 삭제되었습니다',
  },
  badgesConfirmedOnly: {
    en: 'Badges are printed for confirmed registrations only: {list}',
    ko: '명찰은 등록 확정된 등록만 인쇄합니다: {list}',
  },
  dateOfBirthImplausible: {
    en: 'The date of birth is not plausible',
    ko: '생년월일이 올바르지 않아 보입니다',
  },
  // Webhooks (modules/webhooks).
  nameTheEvent: {
    en: 'Name the event',
    ko: '행사를 지정하세요',
  },
  webhookLimitReached: {
    en: 'A partner can have at most {max} webhook subscriptions; remove one first',
    ko: '파트너 한 곳당 웹훅 구독은 최대 {max}개입니다. 먼저 하나를 삭제하세요',
  },
  webhookSubscriptionRemoved: {
    en: 'The subscription was removed: there is nowhere to send it',
    ko: '구독이 삭제되어 보낼 곳이 없습니다',
  },
  // Organisations (modules/organisations).
  organisationNotFound: {
    en: 'No such organisation',
    ko: '기관을 찾을 수 없습니다',
  },
  organisationNameTaken: {
    en: 'Another organisation has this name: merge the two instead',
    ko: '이 이름을 쓰는 다른 기관이 있습니다. 대신 두 기관을 합치세요',
  },
  organisationsMergeClash: {
    en: 'Both organisations are parties to one agreement, or have a profile on the same side at one fair: settle that first',
    ko: '두 기관이 한 협약의 당사자이거나 한 상담회에서 같은 쪽 프로필을 가지고 있습니다. 먼저 정리하세요',
  },
  organisationsToMergeMissing: {
    en: 'One of these organisations does not exist or was merged already',
    ko: '이 기관 가운데 없거나 이미 합쳐진 기관이 있습니다',
  },
  // Uploaded files (modules/files).
  fileEmpty: {
    en: 'The file is empty',
    ko: '빈 파일입니다',
  },
  fileWrongType: {
    en: 'Send a {type} file (this one is {found}, whatever its name says)',
    ko: '{type} 파일을 보내세요 (이름과 달리 이 파일은 {found} 파일입니다)',
  },
  fileWrongTypeOfSeveral: {
    en: 'Send a {types} or {last} file (this one is {found}, whatever its name says)',
    ko: '{types} 또는 {last} 파일을 보내세요 (이름과 달리 이 파일은 {found} 파일입니다)',
  },
  fileUnknownType: {
    en: 'Send a {type} file (this one is of an unknown type, whatever its name says)',
    ko: '{type} 파일을 보내세요 (이름과 관계없이 이 파일은 형식을 알 수 없습니다)',
  },
  fileUnknownTypeOfSeveral: {
    en: 'Send a {types} or {last} file (this one is of an unknown type, whatever its name says)',
    ko: '{types} 또는 {last} 파일을 보내세요 (이름과 관계없이 이 파일은 형식을 알 수 없습니다)',
  },
  fileDamaged: {
    en: 'This {type} file is damaged or incomplete: save it again and send it once more',
    ko: '이 {type} 파일은 손상되었거나 일부가 빠져 있습니다. 다시 저장해서 한 번 더 보내세요',
  },
  tooManyUploads: {
    en: 'Too many uploads: try again in {seconds} s',
    ko: '업로드가 너무 많습니다. {seconds}초 뒤에 다시 시도하세요',
  },
  signInToSeeFile: {
    en: 'Sign in, or open your registration’s link, to see this file',
    ko: '이 파일을 보려면 로그인하거나 등록 링크를 여세요',
  },
  fileNotFound: {
    en: 'No such file',
    ko: '파일을 찾을 수 없습니다',
  },
  // Mail and mail templates (modules/mail).
  mailKindNotFound: {
    en: 'No such mail kind',
    ko: '메일 종류를 찾을 수 없습니다',
  },
  addressNotSuppressed: {
    en: 'This address is not suppressed',
    ko: '발송이 막힌 주소가 아닙니다',
  },
  templateHasErrors: {
    en: 'The template has errors',
    ko: '템플릿에 오류가 있습니다',
  },
  mailNotFound: {
    en: 'No such message',
    ko: '메일을 찾을 수 없습니다',
  },
  // Exports (modules/exports).
  exportColumnNotFound: {
    en: 'No such column: {column}',
    ko: '없는 열입니다: {column}',
  },
  // A participant's sign-in by code or link (modules/accounts).
  signInCodeDead: {
    en: 'This code has expired or was entered wrongly too often: ask for a new one',
    ko: '코드가 만료되었거나 너무 여러 번 틀렸습니다. 새 코드를 요청하세요',
  },
  signInLinkDead: {
    en: 'This sign-in link has expired or was replaced by a newer one: ask for a new code',
    ko: '로그인 링크가 만료되었거나 더 새 링크로 바뀌었습니다. 새 코드를 요청하세요',
  },
  signInCodeWrong: {
    en: 'This code is not right: {left} tries left',
    ko: '코드가 맞지 않습니다. {left}번 더 시도할 수 있습니다',
  },
  signInCodeWrongOneLeft: {
    en: 'This code is not right: {left} try left',
    ko: '코드가 맞지 않습니다. {left}번 더 시도할 수 있습니다',
  },
  // Persons (modules/people).
  personNotFound: {
    en: 'No such person',
    ko: '사람을 찾을 수 없습니다',
  },
  // The core: objects not found, unique clashes, the CSRF check (core, http).
  registrationWasNotFound: {
    en: 'This registration was not found',
    ko: '등록을 찾을 수 없습니다',
  },
  theRegistrationWasNotFound: {
    en: 'The registration was not found',
    ko: '등록을 찾을 수 없습니다',
  },
  aRegistrationWasNotFound: {
    en: 'A registration was not found',
    ko: '찾을 수 없는 등록이 있습니다',
  },
  theEventWasNotFound: {
    en: 'The event was not found',
    ko: '행사를 찾을 수 없습니다',
  },
  thePartnerWasNotFound: {
    en: 'The partner was not found',
    ko: '파트너를 찾을 수 없습니다',
  },
  visaRequestNotFound: {
    en: 'The visa letter request was not found',
    ko: '비자 초청장 신청을 찾을 수 없습니다',
  },
  eventSlugTaken: {
    en: 'Another event already uses this slug',
    ko: '이 주소(slug)를 쓰는 다른 행사가 있습니다',
  },
  accountEmailTaken: {
    en: 'An account with this email already exists',
    ko: '이 이메일 주소로 만든 계정이 이미 있습니다',
  },
  categoryCodeTaken: {
    en: 'Another category of this event already uses this code',
    ko: '이 행사에 이 코드를 쓰는 다른 참가 유형이 있습니다',
  },
  optionCodeTaken: {
    en: 'Another option of this event already uses this code',
    ko: '이 행사에 이 코드를 쓰는 다른 선택 프로그램이 있습니다',
  },
  invitationCodeTaken: {
    en: 'This invitation code already exists in this event',
    ko: '이 행사에 이미 있는 초대 코드입니다',
  },
  csrfTokenWrong: {
    en: 'Missing or wrong CSRF token: reload the page and try again',
    ko: 'CSRF 토큰이 없거나 틀렸습니다. 페이지를 새로 고친 뒤 다시 시도하세요',
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
  nameCorrectionClosed: {
    en: 'The name can no longer be corrected here: ask the organiser',
    ko: '이제 여기에서 이름을 고칠 수 없습니다. 주최 측에 문의하세요',
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
  // The registration module's staff-facing refusals.
  onlyWaitingCanBeOffered: {
    en: 'Only a waiting registration can be offered a place; this one is {status}',
    ko: '대기 중인 등록에만 자리를 제안할 수 있습니다. 이 등록의 상태: {status}',
  },
  noPlaceInCategory: {
    en: 'No place is free in this category',
    ko: '이 참가 유형에는 남은 자리가 없습니다',
  },
  eventFullRaiseLimit: {
    en: 'The event is full: raise the event’s limit first',
    ko: '행사 정원이 찼습니다. 먼저 행사 정원을 늘리세요',
  },
  someFieldsInvalid: {
    en: 'Some fields are not valid: {fields}',
    ko: '올바르지 않은 항목이 있습니다: {fields}',
  },
  acceptRequiredTexts: {
    en: 'Accept the required texts to register',
    ko: '등록하려면 필수 동의 문구에 동의하세요',
  },
  delegationMemberNotFound: {
    en: 'No such member of this delegation',
    ko: '이 대표단에 그런 구성원이 없습니다',
  },
  noPublishedEventWithId: {
    en: 'No published event has this id',
    ko: '이 ID로 공개된 행사가 없습니다',
  },
  noSuchFileQuestion: {
    en: 'This form has no such file question',
    ko: '이 양식에는 그런 파일 질문이 없습니다',
  },
  fileTooLargeAtMost: {
    en: 'The file is too large (at most {max})',
    ko: '파일이 너무 큽니다 (최대 {max})',
  },
  fileNotBase64: {
    en: 'The file is not valid base64',
    ko: '파일이 올바른 base64 형식이 아닙니다',
  },
  uploadFileAgain: {
    en: 'Upload the file again',
    ko: '파일을 다시 올려 주세요',
  },
  categoryHasNoFee: {
    en: 'This registration’s category has no fee',
    ko: '이 등록의 참가 유형에는 참가비가 없습니다',
  },
  // reg8 (late payments): a payment after the deadline is accepted while a place is free.
  paymentLateNoPlace: {
    en: 'The payment deadline has passed and no place is free now: the payment was not recorded',
    ko: '납부 기한이 지났고 지금은 남은 자리가 없어 납부가 기록되지 않았습니다',
  },
  fieldsNotChangeable: {
    en: 'Some of these fields cannot be changed',
    ko: '바꿀 수 없는 항목이 있습니다',
  },
  someAnswersInvalid: {
    en: 'Some answers are not valid: {fields}',
    ko: '올바르지 않은 답변이 있습니다: {fields}',
  },
  notOnWaitingList: {
    en: 'This registration is not on the waiting list',
    ko: '이 등록은 대기자 명단에 없습니다',
  },
  moveTargetNotOnWaitingList: {
    en: 'The place to move to is not on the waiting list',
    ko: '옮길 자리가 대기자 명단에 없습니다',
  },
  notOnOptionWaitingList: {
    en: 'This registration is not on the waiting list of this option',
    ko: '이 등록은 이 선택 프로그램의 대기자 명단에 없습니다',
  },
  registrationNotInEvent: {
    en: 'No such registration in this event',
    ko: '이 행사에 그런 등록이 없습니다',
  },
  answersDoNotFitForm: {
    en: 'Some answers do not fit the form',
    ko: '양식에 맞지 않는 답변이 있습니다',
  },
  undoCheckInBeforeRejecting: {
    en: 'This registration is checked in; undo the check-in before rejecting it',
    ko: '체크인된 등록입니다. 거절하려면 먼저 체크인을 취소하세요',
  },
  undoCheckInBeforeCancelling: {
    en: 'This registration is checked in; undo the check-in before cancelling it',
    ko: '체크인된 등록입니다. 취소하려면 먼저 체크인을 취소하세요',
  },
  // B2B export fair (issue 14).
  b2bFairNotSetUp: { en: 'Set up the B2B fair first', ko: '먼저 B2B 상담회를 설정하세요' },
  b2bFairHasMeetings: {
    en: 'The fair has meetings: its slots and tables can no longer be replaced',
    ko: '상담이 배정되어 있어 시간대와 테이블을 바꿀 수 없습니다',
  },
  b2bProfileNotFound: {
    en: 'No such company profile at this fair',
    ko: '이 상담회에 그런 기업 프로필이 없습니다',
  },
  b2bProfileTaken: {
    en: 'This company already has a {side} profile at the fair, entered by someone else',
    ko: '이 기업은 다른 곳에서 등록한 {side} 프로필이 이미 있습니다',
  },
  b2bProfileNotValidated: {
    en: 'The {side} profile is not validated yet',
    ko: '{side} 프로필이 아직 승인되지 않았습니다',
  },
  b2bWrongSide: { en: 'Pair a buyer with a seller', ko: '바이어와 셀러를 짝지어 주세요' },
  b2bSlotNotFound: { en: 'No such time slot at this fair', ko: '이 상담회에 그런 시간대가 없습니다' },
  b2bTableNotFound: { en: 'No such table at this fair', ko: '이 상담회에 그런 테이블이 없습니다' },
  b2bInterpreterNotFound: {
    en: 'No such interpreter at this fair',
    ko: '이 상담회에 그런 통역사가 없습니다',
  },
  b2bInterpreterUnavailable: {
    en: 'The interpreter does not work in this slot',
    ko: '통역사가 이 시간대에 근무하지 않습니다',
  },
  b2bInterpreterFull: {
    en: 'The interpreter has reached {max} meetings',
    ko: '통역사의 상담이 최대 {max}건에 이르렀습니다',
  },
  b2bInterpreterLanguages: {
    en: "The interpreter does not cover the two companies' languages",
    ko: '통역사가 두 기업의 언어를 통역하지 않습니다',
  },
  b2bInterpreterNeeded: {
    en: 'The two companies share no language: add an interpreter',
    ko: '두 기업의 공통 언어가 없습니다. 통역사를 배정하세요',
  },
  b2bMeetingNotFound: { en: 'No such meeting at this fair', ko: '이 상담회에 그런 상담이 없습니다' },
  b2bMeetingClosed: {
    en: 'A meeting that is {status} cannot be changed this way',
    ko: '{status} 상태의 상담은 이렇게 바꿀 수 없습니다',
  },
  b2bPrematchNotFound: { en: 'No such proposed pair', ko: '그런 매칭 제안이 없습니다' },
  b2bPrematchDecided: { en: 'This pair was answered already', ko: '이미 답변된 매칭 제안입니다' },
  b2bPrematchNotWanted: {
    en: 'The buyer has not approved this pair',
    ko: '바이어가 이 매칭을 승인하지 않았습니다',
  },
  b2bTableTaken: { en: 'The table is taken in this slot', ko: '이 시간대에 테이블이 이미 사용 중입니다' },
  b2bBuyerBusy: {
    en: 'The buyer has another meeting in this slot',
    ko: '바이어가 이 시간대에 다른 상담이 있습니다',
  },
  b2bSellerBusy: {
    en: 'The seller has another meeting in this slot',
    ko: '셀러가 이 시간대에 다른 상담이 있습니다',
  },
  b2bInterpreterBusy: {
    en: 'The interpreter has another meeting in this slot',
    ko: '통역사가 이 시간대에 다른 상담이 있습니다',
  },
  b2bPairMet: { en: 'These two companies already have a meeting', ko: '두 기업의 상담이 이미 있습니다' },
  b2bFileNotFound: { en: 'No such uploaded file for this event', ko: '이 행사에 그런 파일이 없습니다' },
  b2bPersonNotFound: { en: 'No such person', ko: '그런 사람이 없습니다' },
  // decisions (issue 11 §4): pending, then released together.
  decisionKindUnknown: {
    en: 'No such decision kind for this event: {kind}',
    ko: '이 행사에 그런 결정 유형이 없습니다: {kind}',
  },
  decisionKindBuiltIn: {
    en: 'The built-in decision kinds cannot be changed',
    ko: '기본 결정 유형은 바꿀 수 없습니다',
  },
  decisionSubmissionNotSubmitted: {
    en: 'Only submitted papers get a decision (this one is a draft or withdrawn)',
    ko: '제출된 논문에만 결정을 내릴 수 있습니다 (초안이거나 철회됨)',
  },
  decisionAlreadyReleased: {
    en: 'The decision on this submission was released and cannot change',
    ko: '이 제출물의 결정은 이미 발표되어 바꿀 수 없습니다',
  },
  decisionNone: {
    en: 'This submission has no decision yet',
    ko: '이 제출물에는 아직 결정이 없습니다',
  },
  decisionNotAccepted: {
    en: 'Only an accepted paper, once the decisions are out, takes a camera-ready version',
    ko: '결정이 발표된 채택 논문만 최종본을 올릴 수 있습니다',
  },
  decisionNonePending: {
    en: 'There are no pending decisions to release',
    ko: '발표할 대기 중인 결정이 없습니다',
  },
  // papers (issue 11): the call for papers and submissions.
  cfpNotOpen: {
    en: 'The call for papers is not open yet (it opens {opens}, {zone} time)',
    ko: '논문 모집이 아직 시작되지 않았습니다 ({zone} 기준 {opens} 시작)',
  },
  cfpNotSetUp: { en: 'This event has no open call for papers', ko: '이 행사는 논문을 모집하고 있지 않습니다' },
  cfpDeadlinePassed: {
    en: 'The submission deadline has passed ({deadline}, {zone} time): nothing was changed',
    ko: '제출 마감({zone} 기준 {deadline})이 지났습니다. 아무것도 바뀌지 않았습니다',
  },
  cfpDeadlineBeforeOpening: {
    en: 'The deadline must come after the opening',
    ko: '마감은 시작 뒤여야 합니다',
  },
  submissionNotFound: { en: 'No such submission', ko: '제출물을 찾을 수 없습니다' },
  // review (issue 11 §3)
  reviewerNotFound: { en: 'No such reviewer in this event', ko: '이 행사에 그런 심사위원이 없습니다' },
  reviewConflictNotFound: { en: 'No such conflict', ko: '그런 이해관계가 없습니다' },
  reviewAssignConflicted: {
    en: 'This reviewer has a conflict with this submission and cannot be assigned',
    ko: '이 심사위원은 이 제출물과 이해관계가 있어 배정할 수 없습니다',
  },
  reviewAssignNotSubmitted: {
    en: 'Only submitted papers can be assigned to reviewers',
    ko: '제출된 논문만 심사위원에게 배정할 수 있습니다',
  },
  reviewProposalStale: {
    en: 'The proposal is out of date: a pair is now conflicted or a paper is no longer submitted. Propose again',
    ko: '제안이 오래되었습니다. 이해관계가 생겼거나 제출 상태가 아닌 논문이 있습니다. 다시 제안하세요',
  },
  reviewBiddingClosed: {
    en: 'Bidding is closed: bids are taken only during the bidding phase',
    ko: '입찰 기간이 아닙니다. 입찰은 입찰 단계에만 받습니다',
  },
  reviewPhaseEndsBeforeStart: {
    en: 'A phase must end after it starts',
    ko: '단계의 끝은 시작 뒤여야 합니다',
  },
  reviewConflictDeclared: {
    en: 'A declared conflict cannot be dismissed: only the one who declared it can withdraw it',
    ko: '밝힌 이해관계는 기각할 수 없습니다. 밝힌 사람만 철회할 수 있습니다',
  },
  submissionWithdrawn: {
    en: 'This submission was withdrawn and cannot change',
    ko: '철회된 제출물은 바꿀 수 없습니다',
  },
  submissionAlreadySubmitted: { en: 'This submission is already submitted', ko: '이미 제출되었습니다' },
  submissionTrackUnknown: { en: 'Choose one of the call’s tracks', ko: '모집 분야 중 하나를 고르세요' },
  submissionTypeUnknown: { en: 'Choose one of the call’s submission types', ko: '제출 유형 중 하나를 고르세요' },
  submissionIncomplete: {
    en: 'Choose a track and a submission type before submitting',
    ko: '제출하기 전에 분야와 제출 유형을 고르세요',
  },
  submissionAbstractTooLong: {
    en: 'The abstract has {count} words; this type allows at most {max}',
    ko: '초록이 {count}단어입니다. 이 유형은 {max}단어까지입니다',
  },
  submissionOnePresenter: {
    en: 'Mark exactly one presenting author',
    ko: '발표 저자를 한 명만 표시하세요',
  },
  submissionAuthorTwice: {
    en: 'An author is listed twice ({email})',
    ko: '같은 저자가 두 번 있습니다 ({email})',
  },
  submissionFileRequired: {
    en: 'This submission type needs a PDF: upload it before submitting',
    ko: '이 유형은 PDF가 필요합니다. 제출하기 전에 올리세요',
  },
  submissionConsentMissing: {
    en: 'Accept the current {kind} consent to submit',
    ko: '제출하려면 현재 {kind} 동의에 동의하세요',
  },
  submissionReviewerUnknown: {
    en: 'Conflicts can only be declared with this event’s reviewers',
    ko: '이 행사의 심사위원과의 이해관계만 밝힐 수 있습니다',
  },
  pdfEncrypted: {
    en: 'This PDF is encrypted or password-protected: save it without protection and send it again',
    ko: '암호화되거나 비밀번호가 걸린 PDF입니다. 보호를 해제해 저장한 뒤 다시 올리세요',
  },
  pdfTooManyPages: {
    en: 'This PDF has {pages} pages; this submission type allows at most {max}',
    ko: '이 PDF는 {pages}쪽입니다. 이 제출 유형은 {max}쪽까지입니다',
  },
  // agreements (issue 13)
  agreementNotFound: { en: 'No such agreement in this event', ko: '이 행사에 해당 협약이 없습니다' },
  agreementTransitionRefused: {
    en: 'A {status} agreement cannot be changed with "{to}"',
    ko: '{status} 상태의 협약에는 "{to}" 변경을 할 수 없습니다',
  },
  agreementTextFrozen: {
    en: 'The text is fixed once it is out for signature or adopted: reopen negotiation to change it',
    ko: '서명 요청 또는 채택 이후에는 본문을 바꿀 수 없습니다. 바꾸려면 협상 단계로 되돌리세요',
  },
  agreementVersionConflict: {
    en: 'Someone saved version {latest} meanwhile: reload it and apply your change again',
    ko: '그사이 다른 사람이 {latest}번째 버전을 저장했습니다. 새로 불러온 뒤 다시 수정하세요',
  },
  agreementVersionNotFound: { en: 'No version {number} of this agreement', ko: '이 협약에는 {number}번째 버전이 없습니다' },
  agreementNeedsParties: {
    en: 'An MOU needs at least two parties, each with a signatory',
    ko: '양해각서에는 서명자가 있는 당사자가 둘 이상 있어야 합니다',
  },
  agreementNeedsText: { en: 'Save a text first', ko: '먼저 본문을 저장하세요' },
  agreementPartiesFrozen: {
    en: 'The parties are fixed once it is out for signature or adopted',
    ko: '서명 요청 또는 채택 이후에는 당사자를 바꿀 수 없습니다',
  },
  agreementNeedsAdoption: {
    en: 'Say at which session and when it was adopted',
    ko: '어느 세션에서 언제 채택되었는지 입력하세요',
  },
  agreementNotPublishable: {
    en: 'Only signed MOUs and adopted declarations can be published',
    ko: '서명된 양해각서와 채택된 선언문만 공개할 수 있습니다',
  },
  agreementDuplicateParty: { en: 'An organisation is named twice', ko: '같은 기관이 두 번 들어 있습니다' },
  agreementUnknownOrganisation: { en: 'No such organisation', ko: '기관을 찾을 수 없습니다' },
  agreementOwnerNotOnTeam: {
    en: 'The owner must be on this event’s team',
    ko: '담당자는 이 행사의 팀원이어야 합니다',
  },
  agreementActionNotFound: { en: 'No such follow-up action', ko: '후속 조치를 찾을 수 없습니다' },
  agreementUnknownClause: { en: 'No clause {key} in the latest version', ko: '최신 버전에 {key} 조항이 없습니다' },
  // agreement signing (issue 13)
  signingAlreadyOut: {
    en: 'This agreement is already out for signature: cancel that envelope first',
    ko: '이미 서명 요청 중인 협약입니다. 먼저 그 요청을 취소하세요',
  },
  signingNotSendable: {
    en: 'Only an approved MOU can be sent for signature',
    ko: '내부 승인된 양해각서만 서명 요청할 수 있습니다',
  },
  signingVersionChanged: {
    en: 'The text changed meanwhile (the latest is version {latest}): review it and send again',
    ko: '그사이 본문이 바뀌었습니다(최신 {latest}번째 버전). 다시 검토하고 보내세요',
  },
  signingRecipientNotParty: {
    en: 'A signatory must sign on behalf of one of the parties',
    ko: '서명자는 협약 당사자 기관 가운데 하나를 대표해야 합니다',
  },
  signingNeedsSigners: {
    en: 'Every party needs at least one signer',
    ko: '모든 당사자 기관에 서명자가 한 명 이상 있어야 합니다',
  },
  signingNoEnvelope: { en: 'No signing envelope is open for this agreement', ko: '이 협약에 진행 중인 서명 요청이 없습니다' },
  signingRequestNotFound: {
    en: 'No signing request for you here (it may be for another account)',
    ko: '이 서명 요청은 내 계정의 것이 아닙니다(다른 계정으로 보냈을 수 있습니다)',
  },
  signingClosed: {
    en: 'This signing is closed ({status}): nothing more can be signed',
    ko: '이 서명 요청은 종료되었습니다({status}). 더 서명할 수 없습니다',
  },
  signingNotYourTurn: {
    en: 'The signatories before you have not all signed yet: you will get a mail when it is your turn',
    ko: '앞 순서의 서명자가 아직 모두 서명하지 않았습니다. 차례가 되면 메일로 알려 드립니다',
  },
  signingHashMismatch: {
    en: 'The text you reviewed is not the one out for signature: reload it and review the current text',
    ko: '검토한 본문이 서명 대상 본문과 다릅니다. 새로 고쳐 현재 본문을 검토하세요',
  },
  signingAlreadyDone: { en: 'You have already acted on this request ({status})', ko: '이미 처리한 서명 요청입니다({status})' },
  signingCcCannotSign: { en: 'A copy recipient does not sign', ko: '참조 수신자는 서명하지 않습니다' },
  signingSignatureNotPng: {
    en: 'The drawn signature is not a readable PNG image of a sensible size',
    ko: '그린 서명이 올바른 크기의 PNG 이미지가 아닙니다',
  },
  endorsementNotFound: { en: 'No such endorsement', ko: '지지 서명을 찾을 수 없습니다' },
  endorsementNotOpen: {
    en: 'Only adopted declarations can be endorsed',
    ko: '채택된 선언문에만 지지 서명을 할 수 있습니다',
  },
  endorsementExists: {
    en: 'You have already endorsed this declaration',
    ko: '이미 이 선언문에 지지 서명을 했습니다',
  },
  // polish: the last English-only refusals (registration's placement, capacity and option
  // rules, the access rules' own sentences), so every DomainError now speaks by key.
  categoryNotInEvent: { en: 'No such category in this event', ko: '이 행사에 그런 참가 유형이 없습니다' },
  invitationCodeExpired: {
    en: 'This invitation code has expired: ask the organisers for a new one',
    ko: '초대 코드의 유효 기간이 지났습니다. 주최 측에 새 코드를 요청하세요',
  },
  invitationCodeNotValid: { en: 'This invitation code is not valid', ko: '올바른 초대 코드가 아닙니다' },
  categoryByInvitation: {
    en: 'This category is by invitation: enter your invitation code',
    ko: '초대받은 분만 고를 수 있는 참가 유형입니다. 초대 코드를 입력하세요',
  },
  optionNotOffered: {
    en: 'An option is not offered at this event',
    ko: '이 행사에서 제공하지 않는 선택 프로그램이 있습니다',
  },
  // {@reason} is another key of this table, worded with the same parameters (domainMessage).
  delegateRefused: { en: 'Delegate {delegate}: {@reason}', ko: '대표단원 {delegate}: {@reason}' },
  optionsAtTheSameTime: {
    en: '{a} and {b} take place at the same time: choose one',
    ko: '{a}와(과) {b}는 시간이 겹칩니다. 하나만 고르세요',
  },
  optionsAtMostOne: {
    en: 'Choose at most one of {a} and {b}',
    ko: '{a}와(과) {b} 가운데 하나만 고를 수 있습니다',
  },
  eventCapacityBelowTaken: {
    en: '{taken} places are already taken in the event; the capacity cannot be lower than {taken}',
    ko: '행사에 이미 {taken}자리가 찼습니다. 정원을 {taken}보다 낮출 수 없습니다',
  },
  eventCapacityBelowTakenOne: {
    en: '{taken} place is already taken in the event; the capacity cannot be lower than {taken}',
    ko: '행사에 이미 {taken}자리가 찼습니다. 정원을 {taken}보다 낮출 수 없습니다',
  },
  categoryCapacityBelowTaken: {
    en: '{taken} places are already taken; the capacity cannot be lower than {taken}',
    ko: '이미 {taken}자리가 찼습니다. 정원을 {taken}보다 낮출 수 없습니다',
  },
  categoryCapacityBelowTakenOne: {
    en: '{taken} place is already taken; the capacity cannot be lower than {taken}',
    ko: '이미 {taken}자리가 찼습니다. 정원을 {taken}보다 낮출 수 없습니다',
  },
  optionCapacityBelowBooked: {
    en: '{taken} seats are already booked; the capacity cannot be lower than {taken}',
    ko: '이미 {taken}석이 예약되었습니다. 정원을 {taken}보다 낮출 수 없습니다',
  },
  optionCapacityBelowBookedOne: {
    en: '{taken} seat is already booked; the capacity cannot be lower than {taken}',
    ko: '이미 {taken}석이 예약되었습니다. 정원을 {taken}보다 낮출 수 없습니다',
  },
  procedureWithoutAccessRule: {
    en: 'The procedure {path} declares no access rule',
    ko: '{path} 프로시저에 접근 규칙이 없습니다',
  },
  procedureWithoutOwner: {
    en: 'The procedure {path} has an object rule but no caller to own it',
    ko: '{path} 프로시저에 객체 규칙이 있지만 그 객체를 가질 호출자가 없습니다',
  },
  signInWithEmailFirst: { en: 'Sign in with your email first', ko: '먼저 이메일로 로그인하세요' },
  tooManyRequestsMinutes: {
    en: 'Too many requests: try again in {minutes} minutes',
    ko: '요청이 너무 많습니다. {minutes}분 뒤에 다시 시도하세요',
  },
  textHasNul: { en: 'Text must not contain NUL characters', ko: '글에 NUL 문자를 넣을 수 없습니다' },
  textBrokenUnicode: {
    en: 'Text must be valid Unicode (it holds a broken character)',
    ko: '글에 깨진 문자가 있습니다 (올바른 유니코드가 아닙니다)',
  },
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

/**
 * The sentence in a language, with {placeholders} filled in (an unknown
 * placeholder stays as is). A placeholder written {@name} takes another key of
 * the table from params.name and words it here, in the same language and with
 * the same parameters: "Delegate 3: {@reason}" stays Korean all the way through.
 */
export function domainMessage(
  key: DomainMessageKey,
  params: DomainMessageParams = {},
  locale: Locale = 'en',
): string {
  return domainMessages[key][locale].replace(/\{(@?)(\w+)\}/g, (_, nested: string, name: string) => {
    const value = params[name];
    if (nested && isDomainMessageKey(value) && value !== key) return domainMessage(value, params, locale);
    return String(value ?? `{${nested}${name}}`);
  });
}

/**
 * A keyed sentence in every language the interfaces speak, as the error formatter
 * sends it beside the key: the browsers word an error from these, so the catalogue
 * (which grows with every module) never ships in their bundles.
 */
export function domainMessageWords(key: DomainMessageKey, params: DomainMessageParams = {}): Record<Locale, string> {
  return { en: domainMessage(key, params, 'en'), ko: domainMessage(key, params, 'ko') };
}
