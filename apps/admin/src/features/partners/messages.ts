/** Korean and English messages of this feature (the namespace "partners"); en follows ko's shape. */
export const ko = {
  nav: '파트너 API',
};

export const en: typeof ko = {
  nav: 'Partner API',
};
