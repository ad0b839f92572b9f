import type { Feature } from '../../router/feature';

export const participantsFeature: Feature = {};
