import type { ApiB2bUpdateProfileInput, B2bApiServices, PartnerCaller } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { resolveOrganisation } from '../organisations/organisations.service';
import * as repo from './b2b.repo';
import { writeOutcome } from './meetings.service';
import { refuse, requireFair, toMeetingDto, toProfileDto } from './shared';

/**
 * The B2B fair over the partner API (issue 14, item 10). One rule, applied in
 * every query here: a partner owns the profiles its keys created
 * (b2b_profiles.partner_id) and sees a meeting only when one of them is in it.
 * A profile or meeting of another partner, another event or no one is the same
 * 404 as one that does not exist, so ids cannot be probed.
 */

/** The event the access rule resolved from the path (every route here names one). */
function eventOf(caller: PartnerCaller): string {
  if (!caller.eventId) throw refuse('NOT_FOUND', 'eventNotFound');
  return caller.eventId;
}

function fieldsOf(input: Omit<ApiB2bUpdateProfileInput, 'eventId' | 'profileId'>, at: Date) {
  return {
    country: input.country,
    products: input.products,
    languages: [...new Set(input.languages)],
    volumes: input.volumes,
    priceMin: input.priceMin,
    priceMax: input.priceMax,
    priceCurrency: input.priceCurrency,
    priorities: input.priorities,
    certifications: input.certifications,
    exportMarkets: [...new Set(input.exportMarkets)],
    capacity: input.capacity,
    updatedAt: at,
  };
}

async function ownProfile(db: Executor, fairId: string, partnerId: string, profileId: string) {
  const [row] = await repo.profilesOf(db, fairId, { ids: [profileId], partnerId });
  if (!row) throw refuse('NOT_FOUND', 'b2bProfileNotFound', 'profileId');
  return row;
}

export function createB2bApiService(runtime: Runtime): B2bApiServices['b2bApi'] {
  return {
    async profiles(caller, input) {
      const fair = await requireFair(runtime.db, eventOf(caller));
      const rows = await repo.profilesOf(runtime.db, fair.id, {
        partnerId: caller.partner.partnerId,
        ...(input.side ? { side: input.side } : {}),
      });
      return rows.map(toProfileDto);
    },

    async profile(caller, input) {
      const fair = await requireFair(runtime.db, eventOf(caller));
      return toProfileDto(await ownProfile(runtime.db, fair.id, caller.partner.partnerId, input.profileId));
    },

    createProfile: (caller, input) =>
      inTransaction(runtime, async ({ tx }) => {
        const eventId = eventOf(caller);
        const fair = await requireFair(tx, eventId);
        const at = runtime.now();
        const organisationId = await resolveOrganisation(tx, input.organisationName, input.country, at);
        if (!organisationId) throw refuse('INVALID_INPUT', 'organisationNotFound', 'organisationName');
        const existing = await repo.findProfileByCompany(tx, fair.id, organisationId, input.side);
        // A company's profile on one side is one record: a partner does not take over
        // what the company, staff or another partner entered.
        if (existing && existing.partnerId !== caller.partner.partnerId)
          throw refuse('CONFLICT', 'b2bProfileTaken', 'organisationName', { side: input.side });
        const fields = fieldsOf(input, at);
        let id: string;
        if (existing) {
          id = existing.id;
          const status = input.submit
            ? 'submitted'
            : existing.status === 'validated'
              ? 'draft'
              : existing.status;
          await repo.updateProfile(tx, id, { ...fields, status });
        } else {
          id = await repo.insertProfile(tx, {
            fairId: fair.id,
            side: input.side,
            organisationId,
            partnerId: caller.partner.partnerId,
            contactPersonId: null,
            catalogueFileId: null,
            status: input.submit ? 'submitted' : 'draft',
            ...fields,
          });
        }
        await recordAudit(tx, caller, {
          eventId,
          action: existing ? 'b2b.profile.update' : 'b2b.profile.create',
          objectType: 'b2bProfile',
          objectId: id,
          after: { side: input.side, organisationId, partnerId: caller.partner.partnerId },
        });
        return toProfileDto((await repo.findProfile(tx, fair.id, id))!);
      }),

    updateProfile: (caller, input) =>
      inTransaction(runtime, async ({ tx }) => {
        const eventId = eventOf(caller);
        const fair = await requireFair(tx, eventId);
        const row = await ownProfile(tx, fair.id, caller.partner.partnerId, input.profileId);
        // A change sends a validated profile back to the coordinator: what shows was checked.
        const before = row.profile.status;
        const status = input.submit ? 'submitted' : before === 'validated' ? 'draft' : before;
        await repo.updateProfile(tx, row.profile.id, { ...fieldsOf(input, runtime.now()), status });
        await recordAudit(tx, caller, {
          eventId,
          action: 'b2b.profile.update',
          objectType: 'b2bProfile',
          objectId: row.profile.id,
          before: { status: before },
          after: { status },
        });
        return toProfileDto((await repo.findProfile(tx, fair.id, row.profile.id))!);
      }),

    async meetings(caller) {
      const fair = await requireFair(runtime.db, eventOf(caller));
      const rows = await repo.meetingsOf(runtime.db, fair.id, undefined, caller.partner.partnerId);
      return rows.map(toMeetingDto);
    },

    async meeting(caller, input) {
      const fair = await requireFair(runtime.db, eventOf(caller));
      const [view] = await repo.meetingsOf(runtime.db, fair.id, input.meetingId, caller.partner.partnerId);
      if (!view) throw refuse('NOT_FOUND', 'b2bMeetingNotFound', 'meetingId');
      const outcome = await repo.findOutcome(runtime.db, view.meeting.id);
      return {
        ...toMeetingDto(view),
        outcome: outcome
          ? {
              productsDiscussed: outcome.productsDiscussed,
              interest: outcome.interest,
              stage: outcome.stage,
              estimatedValue: outcome.estimatedValue,
              currency: outcome.currency,
              signedAmount: outcome.signedAmount,
              signedOn: outcome.signedOn,
            }
          : null,
      };
    },

    recordOutcome: (caller, input) =>
      inTransaction(runtime, async (uow) => {
        const eventId = eventOf(caller);
        const fair = await requireFair(uow.tx, eventId);
        // Ownership first, then the row lock the coordinator's path takes too.
        const [view] = await repo.meetingsOf(uow.tx, fair.id, input.meetingId, caller.partner.partnerId);
        const meeting = view ? await repo.lockMeeting(uow.tx, fair.id, view.meeting.id) : undefined;
        if (!meeting) throw refuse('NOT_FOUND', 'b2bMeetingNotFound', 'meetingId');
        return writeOutcome(runtime, uow, caller, eventId, meeting, input);
      }),
  };
}
