import type { Feature } from '../../router/feature';

export const webhooksFeature: Feature = {};
