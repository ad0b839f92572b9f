import { z } from 'zod';
import { rateLimits } from '../rate-limits';
import { partnerCaller, procedure, router } from '../trpc';
import * as b from './b2b';
import * as s from './b2b-api';

const readErrors = {
  400: 'Not valid: error.fields names each field at fault',
  401: 'No API key, or an unknown or revoked one',
  403: 'The API key lacks the scope',
  404: "No such event, company profile or meeting, or not this key's",
  429: 'Too many requests for this key: wait for Retry-After seconds',
};
const writeErrors = {
  ...readErrors,
  409: 'In conflict with the current state (another partner has this company, the meeting is not held)',
  413: 'The body is larger than 1 MB',
};

/** The REST route of a B2B partner procedure; the summary goes to the API reference too. */
function rest(method: 'GET' | 'POST' | 'PUT', path: `/events/{eventId}/b2b/${string}`, summary: string) {
  return {
    summary,
    openapi: {
      method,
      path,
      protect: true,
      tags: ['B2B fair'],
      summary,
      errorResponses: method === 'GET' ? readErrors : writeErrors,
      ...(method === 'POST' ? { successDescription: 'Created' } : {}),
    },
  };
}

const read = { kind: 'partner', scope: 'b2b:read' } as const;
const write = { kind: 'partner', scope: 'b2b:write' } as const;

/**
 * The B2B fair over the partner API (served at /api/v1). Each key sees only the
 * company profiles its partner created and the meetings they are in.
 */
export const b2bApiRouter = router({
  profiles: procedure
    .meta({
      access: read,
      limits: rateLimits.partner,
      ...rest('GET', '/events/{eventId}/b2b/profiles', "This partner's company profiles at the fair"),
    })
    .input(s.apiB2bProfilesInput)
    .output(z.array(b.profileDto))
    .query(({ ctx, input }) => ctx.services.b2bApi.profiles(partnerCaller(ctx), input)),
  profile: procedure
    .meta({
      access: read,
      limits: rateLimits.partner,
      ...rest('GET', '/events/{eventId}/b2b/profiles/{profileId}', 'One of its company profiles'),
    })
    .input(s.apiB2bProfileInput)
    .output(b.profileDto)
    .query(({ ctx, input }) => ctx.services.b2bApi.profile(partnerCaller(ctx), input)),
  createProfile: procedure
    .meta({
      access: write,
      limits: rateLimits.partner,
      ...rest(
        'POST',
        '/events/{eventId}/b2b/profiles',
        "Create a buyer or seller profile for a company of its delegation (validated by the fair's coordinator)",
      ),
    })
    .input(s.apiB2bCreateProfileInput)
    .output(b.profileDto)
    .mutation(({ ctx, input }) => ctx.services.b2bApi.createProfile(partnerCaller(ctx), input)),
  updateProfile: procedure
    .meta({
      access: write,
      limits: rateLimits.partner,
      ...rest(
        'PUT',
        '/events/{eventId}/b2b/profiles/{profileId}',
        'Replace one of its company profiles (a validated one goes back to the coordinator)',
      ),
    })
    .input(s.apiB2bUpdateProfileInput)
    .output(b.profileDto)
    .mutation(({ ctx, input }) => ctx.services.b2bApi.updateProfile(partnerCaller(ctx), input)),
  meetings: procedure
    .meta({
      access: read,
      limits: rateLimits.partner,
      ...rest(
        'GET',
        '/events/{eventId}/b2b/meetings',
        "Its companies' meetings: slot, table, interpreter, stage",
      ),
    })
    .input(s.apiB2bMeetingsInput)
    .output(z.array(b.meetingDto))
    .query(({ ctx }) => ctx.services.b2bApi.meetings(partnerCaller(ctx))),
  meeting: procedure
    .meta({
      access: read,
      limits: rateLimits.partner,
      ...rest('GET', '/events/{eventId}/b2b/meetings/{meetingId}', 'One of its meetings, with its outcome'),
    })
    .input(s.apiB2bMeetingInput)
    .output(s.apiB2bMeetingDto)
    .query(({ ctx, input }) => ctx.services.b2bApi.meeting(partnerCaller(ctx), input)),
  recordOutcome: procedure
    .meta({
      access: write,
      limits: rateLimits.partner,
      ...rest(
        'PUT',
        '/events/{eventId}/b2b/meetings/{meetingId}/outcome',
        'Record what came of a held meeting: interest, stage, estimated and signed values',
      ),
    })
    .input(s.apiB2bRecordOutcomeInput)
    .output(b.outcomeDto)
    .mutation(({ ctx, input }) => ctx.services.b2bApi.recordOutcome(partnerCaller(ctx), input)),
});
