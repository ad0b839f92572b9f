/** Korean and English messages of this feature (the namespace "registrationSetup"); en follows ko's shape. */
export const ko = {
  nav: '등록 설정',
};

export const en: typeof ko = {
  nav: 'Registration setup',
};
