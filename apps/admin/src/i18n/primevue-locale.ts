import { defaultOptions, type PrimeVueLocaleOptions } from 'primevue/config';
import type { Locale } from '@plenary/ui';

/** PrimeVue's own strings (calendar, password meter, table paging, aria labels) per language. */
const ko: Partial<PrimeVueLocaleOptions> = {
  accept: '예',
  reject: '아니요',
  cancel: '취소',
  clear: '지우기',
  apply: '적용',
  today: '오늘',
  dayNames: ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'],
  dayNamesShort: ['일', '월', '화', '수', '목', '금', '토'],
  dayNamesMin: ['일', '월', '화', '수', '목', '금', '토'],
  monthNames: ['1월', '2월', '3월', '4월', '5월', '6월', '7월', '8월', '9월', '10월', '11월', '12월'],
  monthNamesShort: ['1월', '2월', '3월', '4월', '5월', '6월', '7월', '8월', '9월', '10월', '11월', '12월'],
  chooseYear: '연도 선택',
  chooseMonth: '월 선택',
  chooseDate: '날짜 선택',
  prevDecade: '이전 10년',
  nextDecade: '다음 10년',
  prevYear: '이전 연도',
  nextYear: '다음 연도',
  prevMonth: '이전 달',
  nextMonth: '다음 달',
  prevHour: '이전 시',
  nextHour: '다음 시',
  prevMinute: '이전 분',
  nextMinute: '다음 분',
  am: '오전',
  pm: '오후',
  weekHeader: '주',
  firstDayOfWeek: 0,
  showMonthAfterYear: true,
  dateFormat: 'yy-mm-dd',
  weak: '약함',
  medium: '보통',
  strong: '강함',
  passwordPrompt: '비밀번호를 입력하세요',
  emptyFilterMessage: '결과가 없습니다',
  searchMessage: '결과 {0}개',
  selectionMessage: '{0}개 선택됨',
  emptySelectionMessage: '선택한 항목이 없습니다',
  emptySearchMessage: '결과가 없습니다',
  emptyMessage: '항목이 없습니다',
};

const koAria = {
  close: '닫기',
  previous: '이전',
  next: '다음',
  navigation: '탐색',
  pageLabel: '{page} 페이지',
  firstPageLabel: '첫 페이지',
  lastPageLabel: '마지막 페이지',
  nextPageLabel: '다음 페이지',
  prevPageLabel: '이전 페이지',
  rowsPerPageLabel: '페이지당 행 수',
  expandRow: '행 펼치기',
  collapseRow: '행 접기',
  trueLabel: '예',
  falseLabel: '아니요',
};

const en: Partial<PrimeVueLocaleOptions> = { dateFormat: 'yy-mm-dd', firstDayOfWeek: 1 };

export function primeVueLocale(locale: Locale): PrimeVueLocaleOptions {
  // PrimeVue's English defaults fill in whatever is not translated here.
  const base = defaultOptions.locale as PrimeVueLocaleOptions;
  if (locale === 'en') return { ...base, ...en };
  return { ...base, ...ko, aria: { ...base.aria, ...koAria } };
}
