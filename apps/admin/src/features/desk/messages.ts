/** Korean and English messages of this feature (the namespace "desk"); en follows ko's shape. */
export const ko = {
  nav: '체크인 데스크',
};

export const en: typeof ko = {
  nav: 'Check-in desk',
};
