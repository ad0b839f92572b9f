import { personCaller, procedure, router } from '../trpc';
import { rateLimits } from '../rate-limits';
import * as s from './my-b2b';

/**
 * A company's contact on the portal: their own companies' meetings. One meeting
 * by id passes the b2bMeeting object rule first (not their company's: 404).
 */
export const myB2bRouter = router({
  meetings: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: "My companies' B2B meetings at an event",
    })
    .input(s.myB2bMeetingsInput)
    .output(s.myB2bMeetingDto.array())
    .query(({ ctx, input }) => ctx.services.myB2b.meetings(personCaller(ctx), input)),
  meeting: procedure
    .meta({
      access: { kind: 'person' },
      object: { kind: 'b2bMeeting', from: 'meetingId' },
      limits: rateLimits.personHolder,
      summary: "One of my companies' B2B meetings",
    })
    .input(s.myB2bMeetingInput)
    .output(s.myB2bMeetingDto)
    .query(({ ctx, input }) => ctx.services.myB2b.meeting(personCaller(ctx), input)),
});
