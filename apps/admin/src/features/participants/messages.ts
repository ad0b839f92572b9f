/** Korean and English messages of this feature (the namespace "participants"); en follows ko's shape. */
export const ko = {
  nav: '참가자',
};

export const en: typeof ko = {
  nav: 'Participants',
};
