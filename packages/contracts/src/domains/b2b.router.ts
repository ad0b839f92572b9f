import { eventCaller, procedure, router } from '../trpc';
import { eventIdInput } from './common';
import * as s from './b2b';

/**
 * Who runs the fair: the event's managers and its B2B coordinator; the desk
 * (staff) also sees it and checks meetings in on the day.
 */
const b2bRoles = {
  run: ['owner', 'admin', 'b2b_coordinator'] as const,
  see: ['owner', 'admin', 'staff', 'b2b_coordinator'] as const,
};
const run = { kind: 'event', roles: b2bRoles.run } as const;
const see = { kind: 'event', roles: b2bRoles.see } as const;

export const b2bRouter = router({
  fair: procedure
    .meta({ access: see, summary: "The B2B fair's day, slots and tables (null before set-up)" })
    .input(eventIdInput)
    .output(s.maybeFairDto)
    .query(({ ctx }) => ctx.services.b2b.fair(eventCaller(ctx))),
  setUpFair: procedure
    .meta({ access: run, summary: 'Set the fair day, slot length and tables' })
    .input(s.setUpFairInput)
    .output(s.fairDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.setUpFair(eventCaller(ctx), input)),
  profiles: procedure
    .meta({ access: see, summary: 'Buyer and seller profiles' })
    .input(s.listProfilesInput)
    .output(s.profileDto.array())
    .query(({ ctx, input }) => ctx.services.b2b.profiles(eventCaller(ctx), input)),
  saveProfile: procedure
    .meta({ access: run, summary: "Create or change a company's buyer or seller profile" })
    .input(s.saveProfileInput)
    .output(s.profileDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.saveProfile(eventCaller(ctx), input)),
  setProfileStatus: procedure
    .meta({ access: run, summary: 'Validate or reject a profile' })
    .input(s.setProfileStatusInput)
    .output(s.profileDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.setProfileStatus(eventCaller(ctx), input)),
  interpreters: procedure
    .meta({ access: see })
    .input(eventIdInput)
    .output(s.interpreterDto.array())
    .query(({ ctx }) => ctx.services.b2b.interpreters(eventCaller(ctx))),
  saveInterpreter: procedure
    .meta({ access: run, summary: "Add or change an interpreter's languages and availability" })
    .input(s.saveInterpreterInput)
    .output(s.interpreterDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.saveInterpreter(eventCaller(ctx), input)),
  suggestions: procedure
    .meta({ access: see, summary: 'Buyer-seller pairs scored from demand against supply, with reasons' })
    .input(s.suggestionsInput)
    .output(s.suggestionDto.array())
    .query(({ ctx, input }) => ctx.services.b2b.suggestions(eventCaller(ctx), input)),
  prematches: procedure
    .meta({ access: see })
    .input(eventIdInput)
    .output(s.prematchDto.array())
    .query(({ ctx }) => ctx.services.b2b.prematches(eventCaller(ctx))),
  proposePrematch: procedure
    .meta({ access: run, summary: 'Propose a buyer-seller pair to the buyer' })
    .input(s.proposePrematchInput)
    .output(s.prematchDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.proposePrematch(eventCaller(ctx), input)),
  decidePrematch: procedure
    .meta({ access: run, summary: "Record the buyer's answer to a proposed pair, or force it" })
    .input(s.decidePrematchInput)
    .output(s.prematchDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.decidePrematch(eventCaller(ctx), input)),
  meetings: procedure
    .meta({ access: see, summary: 'The meetings grid: slot, table, interpreter, status' })
    .input(eventIdInput)
    .output(s.meetingDto.array())
    .query(({ ctx }) => ctx.services.b2b.meetings(eventCaller(ctx))),
  scheduleMeeting: procedure
    .meta({ access: run, summary: 'Place a meeting in a slot at a table' })
    .input(s.scheduleMeetingInput)
    .output(s.meetingDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.scheduleMeeting(eventCaller(ctx), input)),
  moveMeeting: procedure
    .meta({ access: run, summary: 'Move a meeting to another slot, table or interpreter' })
    .input(s.moveMeetingInput)
    .output(s.meetingDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.moveMeeting(eventCaller(ctx), input)),
  setMeetingStatus: procedure
    .meta({ access: see, summary: 'Publish, check in (held / no-show) or cancel a meeting' })
    .input(s.setMeetingStatusInput)
    .output(s.meetingDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.setMeetingStatus(eventCaller(ctx), input)),
  recordOutcome: procedure
    .meta({ access: run, summary: "Record a meeting's outcome: interest, stage, values" })
    .input(s.recordOutcomeInput)
    .output(s.outcomeDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.recordOutcome(eventCaller(ctx), input)),
  rates: procedure
    .meta({ access: see })
    .input(eventIdInput)
    .output(s.ratesDto)
    .query(({ ctx }) => ctx.services.b2b.rates(eventCaller(ctx))),
  setRates: procedure
    .meta({ access: run, summary: 'Currency rates to USD for the fair date' })
    .input(s.setRatesInput)
    .output(s.ratesDto)
    .mutation(({ ctx, input }) => ctx.services.b2b.setRates(eventCaller(ctx), input)),
  dashboard: procedure
    .meta({ access: see, summary: 'Consultations, contracts in progress and signed value' })
    .input(eventIdInput)
    .output(s.dashboardDto)
    .query(({ ctx }) => ctx.services.b2b.dashboard(eventCaller(ctx))),
});
