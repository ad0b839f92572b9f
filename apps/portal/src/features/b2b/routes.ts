import type { RouteRecordRaw } from 'vue-router';

/** The B2B fair on the portal (issue 14): one of the person's companies' meetings. */
export const b2bRoutes: RouteRecordRaw[] = [
  {
    path: '/b2b/meetings/:meetingId',
    name: 'b2b-meeting',
    component: () => import('./B2bMeetingView.vue'),
    props: true,
  },
];
