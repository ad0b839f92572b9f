import { defineAsyncComponent, type Component } from 'vue';
import type { ConferenceSectionKind } from '@plenary/contracts/schemas';

/**
 * My conference's cards, one per section kind, each owned by its module's feature
 * folder. A kind the server can send without a card here is a type error; the page
 * itself only looks a section's card up by its kind.
 */
export const conferenceCards: Record<ConferenceSectionKind, Component> = {
  registration: defineAsyncComponent(() => import('../my-registration/RegistrationCard.vue')),
  delegation: defineAsyncComponent(() => import('../delegation/DelegationCard.vue')),
  // papers (issue 11)
  submissions: defineAsyncComponent(() => import('../papers/SubmissionsCard.vue')),
  // B2B fair (issue 14)
  b2b: defineAsyncComponent(() => import('../b2b/B2bMeetingsCard.vue')),
};
