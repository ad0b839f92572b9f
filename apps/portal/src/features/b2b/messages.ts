import { useI18n } from 'vue-i18n';
import { plainMessages } from '../../i18n/plain-messages';

/** The B2B fair's pages on the portal (namespace `b2b`): a company contact's meetings. */
export const b2bKo = {
  card: {
    heading: '수출상담회 상담 일정',
    open: '상세 보기',
    table: '테이블',
  },
  meeting: {
    title: '수출상담',
    loading: '불러오는 중…',
    signIn: '회사 담당자 주소로 로그인하세요',
    notFound: '이 상담을 찾을 수 없습니다. 회사 담당자로 등록된 주소로 로그인했는지 확인하세요.',
    when: '일시',
    timeZone: '시간대',
    table: '테이블',
    counterpart: '상대 기업',
    yourSide: '우리 회사 구분',
    country: '국가',
    interpreter: '통역',
    noInterpreter: '통역 없음(공통 언어 사용)',
    status: '상태',
    back: '내 행사로 돌아가기',
  },
  sides: { buyer: '바이어', seller: '셀러' },
  statuses: { published: '확정', held: '상담 완료', no_show: '불참' },
};
export type B2bMessages = typeof b2bKo;

export const b2bEn: B2bMessages = {
  card: {
    heading: 'B2B meetings at the export fair',
    open: 'Details',
    table: 'Table',
  },
  meeting: {
    title: 'B2B meeting',
    loading: 'Loading…',
    signIn: 'Sign in with the address your company gave as its contact',
    notFound: 'This meeting cannot be found. Check that you signed in with the address your company gave as its contact.',
    when: 'When',
    timeZone: 'Time zone',
    table: 'Table',
    counterpart: 'Meeting with',
    yourSide: 'Your company is the',
    country: 'Country',
    interpreter: 'Interpreter',
    noInterpreter: 'None (you share a language)',
    status: 'Status',
    back: 'Back to my conference',
  },
  sides: { buyer: 'Buyer', seller: 'Seller' },
  statuses: { published: 'Confirmed', held: 'Held', no_show: 'No-show' },
};

export function useB2bMessages(): void {
  const i18n = useI18n({ useScope: 'global' });
  i18n.mergeLocaleMessage('ko', plainMessages({ b2b: b2bKo }));
  i18n.mergeLocaleMessage('en', plainMessages({ b2b: b2bEn }));
}
