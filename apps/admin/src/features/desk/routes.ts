import type { Feature } from '../../router/feature';

export const deskFeature: Feature = {};
