// Korean is the source of the message shape: en.ts must have the same keys.
export const ko = {
  app: {
    myConference: '나의 행사',
    name: 'Plenary',
    skipToContent: '본문으로 건너뛰기',
    homeLink: 'Plenary 홈',
    language: '언어',
    footer: '학술대회와 행사를 위한 Plenary',
    titleSuffix: 'Plenary',
    description: 'Plenary에서 열리는 학술대회와 행사의 일정, 장소와 프로그램 안내.',
    loading: '불러오는 중…',
    retry: '다시 시도',
  },
  events: {
    heading: '학술대회와 행사',
    intro: 'Plenary에서 열리는 행사의 일정과 장소를 확인하세요.',
    pageTitle: '행사',
    emptyTitle: '아직 공개된 행사가 없습니다',
    emptyText: '새 행사가 공개되면 이곳에 표시됩니다.',
    loadError: '행사 목록을 불러오지 못했습니다. 잠시 후 다시 시도해 주세요.',
    dates: '일정',
    venue: '장소',
  },
  event: {
    backToList: '모든 행사',
    dates: '일정',
    timeZone: '시간대',
    venue: '장소',
    about: '행사 소개',
    loadErrorHeading: '행사 정보를 불러오지 못했습니다',
    loadError: '연결 상태를 확인하고 잠시 후 다시 시도해 주세요.',
    register: '등록하기',
  },
  notFound: {
    pageTitle: '페이지를 찾을 수 없음',
    heading: '페이지를 찾을 수 없습니다',
    text: '주소가 정확한지 확인해 주세요.',
    eventHeading: '행사를 찾을 수 없습니다',
    eventText: '주소가 바뀌었거나 더 이상 공개되지 않는 행사일 수 있습니다.',
    backHome: '행사 목록으로 돌아가기',
  },
};

export type PortalMessages = typeof ko;
