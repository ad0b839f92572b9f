/** Korean and English messages of this feature (the namespace "webhooks"); en follows ko's shape. */
export const ko = {
  nav: '웹훅',
};

export const en: typeof ko = {
  nav: 'Webhooks',
};
