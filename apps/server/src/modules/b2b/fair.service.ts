import type { B2bServices, EventCaller, FairDto, InterpreterDto } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { resolveOrganisation } from '../organisations/organisations.service';
import * as repo from './b2b.repo';
import { refuse, requireFair, toProfileDto, zonedInstant } from './shared';

type S = B2bServices['b2b'];

async function fairDto(db: Executor, fair: repo.FairRow, timeZone: string): Promise<FairDto> {
  const [slots, tables] = await Promise.all([repo.slotsOf(db, fair.id), repo.tablesOf(db, fair.id)]);
  return {
    id: fair.id,
    eventId: fair.eventId,
    date: fair.date,
    timeZone,
    startTime: fair.startTime,
    endTime: fair.endTime,
    slotMinutes: fair.slotMinutes,
    slots: slots.map((s) => ({
      id: s.id,
      index: s.index,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    })),
    tables: tables.map((t) => ({ id: t.id, name: t.name })),
  };
}

function interpreterDto(r: Awaited<ReturnType<typeof repo.interpretersOf>>[number]): InterpreterDto {
  return {
    id: r.interpreter.id,
    name: r.interpreter.name,
    personId: r.interpreter.personId,
    languagePairs: r.interpreter.languagePairs,
    availableSlots: r.interpreter.availableSlots,
    maxMeetings: r.interpreter.maxMeetings,
    meetings: r.meetings,
  };
}

async function timeZoneOf(db: Executor, caller: EventCaller): Promise<string> {
  return (await repo.eventTimeZone(db, caller.eventId)) ?? 'UTC';
}

export function createFairService(
  runtime: Runtime,
): Pick<
  S,
  'fair' | 'setUpFair' | 'profiles' | 'saveProfile' | 'setProfileStatus' | 'interpreters' | 'saveInterpreter'
> {
  return {
    async fair(caller) {
      const fair = await repo.findFair(runtime.db, caller.eventId);
      return fair ? fairDto(runtime.db, fair, await timeZoneOf(runtime.db, caller)) : null;
    },

    setUpFair: (caller, input) =>
      inTransaction(runtime, async ({ tx }) => {
        const timeZone = await timeZoneOf(tx, caller);
        const at = runtime.now();
        let fair = await repo.findFair(tx, caller.eventId, true);
        // Slots and tables are what meetings point to: replaced only before the first meeting.
        if (fair && (await repo.anyMeeting(tx, fair.id))) throw refuse('CONFLICT', 'b2bFairHasMeetings');
        const values = {
          date: input.date,
          startTime: input.startTime,
          endTime: input.endTime,
          slotMinutes: input.slotMinutes,
          updatedAt: at,
        };
        if (fair) await tx.update(repo.fairsTable).set(values).where(repo.fairIs(fair.id));
        else await tx.insert(repo.fairsTable).values({ eventId: caller.eventId, ...values });
        fair = (await repo.findFair(tx, caller.eventId))!;
        const start = zonedInstant(input.date, input.startTime, timeZone).getTime();
        const end = zonedInstant(input.date, input.endTime, timeZone).getTime();
        const step = input.slotMinutes * 60_000;
        const slots = [];
        for (let t = start; t + step <= end; t += step)
          slots.push({ startsAt: new Date(t), endsAt: new Date(t + step) });
        await repo.replaceGrid(tx, fair.id, slots, input.tables);
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'b2b.fair.set_up',
          objectType: 'b2bFair',
          objectId: fair.id,
          after: { ...values, updatedAt: undefined, slots: slots.length, tables: input.tables.length },
        });
        return fairDto(tx, fair, timeZone);
      }),

    async profiles(caller, input) {
      const fair = await requireFair(runtime.db, caller.eventId);
      const rows = await repo.profilesOf(runtime.db, fair.id, {
        ...(input.side ? { side: input.side } : {}),
        ...(input.status ? { status: input.status } : {}),
      });
      return rows.map(toProfileDto);
    },

    saveProfile: (caller, input) =>
      inTransaction(runtime, async ({ tx }) => {
        const fair = await requireFair(tx, caller.eventId);
        const at = runtime.now();
        let organisationId = input.organisationId;
        if (organisationId) {
          if (!(await repo.organisationExists(tx, organisationId)))
            throw refuse('NOT_FOUND', 'organisationNotFound', 'organisationId');
        } else {
          organisationId = await resolveOrganisation(tx, input.organisationName, input.country, at);
          if (!organisationId) throw refuse('INVALID_INPUT', 'organisationNotFound', 'organisationName');
        }
        if (input.contactPersonId && !(await repo.personExists(tx, input.contactPersonId)))
          throw refuse('NOT_FOUND', 'b2bPersonNotFound', 'contactPersonId');
        if (input.catalogueFileId && !(await repo.eventFileExists(tx, caller.eventId, input.catalogueFileId)))
          throw refuse('NOT_FOUND', 'b2bFileNotFound', 'catalogueFileId');
        const fields = {
          contactPersonId: input.contactPersonId,
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
          catalogueFileId: input.catalogueFileId,
          updatedAt: at,
        };
        const existing = await repo.findProfileByCompany(tx, fair.id, organisationId, input.side);
        // A change sends a validated profile back to the coordinator: what shows was checked.
        const status = input.submit
          ? 'submitted'
          : existing && existing.status !== 'validated'
            ? existing.status
            : 'draft';
        let id: string;
        if (existing) {
          id = existing.id;
          await repo.updateProfile(tx, id, { ...fields, status });
        } else {
          id = await repo.insertProfile(tx, {
            fairId: fair.id,
            side: input.side,
            organisationId,
            status,
            ...fields,
          });
        }
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: existing ? 'b2b.profile.update' : 'b2b.profile.create',
          objectType: 'b2bProfile',
          objectId: id,
          after: { side: input.side, organisationId, status },
        });
        return toProfileDto((await repo.findProfile(tx, fair.id, id))!);
      }),

    setProfileStatus: (caller, input) =>
      inTransaction(runtime, async ({ tx }) => {
        const fair = await requireFair(tx, caller.eventId);
        const row = await repo.findProfile(tx, fair.id, input.profileId);
        if (!row) throw refuse('NOT_FOUND', 'b2bProfileNotFound', 'profileId');
        await repo.updateProfile(tx, row.profile.id, { status: input.status, updatedAt: runtime.now() });
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'b2b.profile.status',
          objectType: 'b2bProfile',
          objectId: row.profile.id,
          before: { status: row.profile.status },
          after: { status: input.status },
        });
        return toProfileDto((await repo.findProfile(tx, fair.id, row.profile.id))!);
      }),

    async interpreters(caller) {
      const fair = await requireFair(runtime.db, caller.eventId);
      return (await repo.interpretersOf(runtime.db, fair.id)).map(interpreterDto);
    },

    saveInterpreter: (caller, input) =>
      inTransaction(runtime, async ({ tx }) => {
        const fair = await requireFair(tx, caller.eventId);
        if (input.interpreterId && !(await repo.findInterpreter(tx, fair.id, input.interpreterId, true)))
          throw refuse('NOT_FOUND', 'b2bInterpreterNotFound', 'interpreterId');
        if (input.personId && !(await repo.personExists(tx, input.personId)))
          throw refuse('NOT_FOUND', 'b2bPersonNotFound', 'personId');
        const id = await repo.saveInterpreter(tx, input.interpreterId, {
          fairId: fair.id,
          name: input.name,
          personId: input.personId,
          languagePairs: input.languagePairs,
          availableSlots: input.availableSlots
            ? [...new Set(input.availableSlots)].sort((a, b) => a - b)
            : null,
          maxMeetings: input.maxMeetings,
        });
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: input.interpreterId ? 'b2b.interpreter.update' : 'b2b.interpreter.create',
          objectType: 'b2bInterpreter',
          objectId: id,
          after: { name: input.name, languagePairs: input.languagePairs, maxMeetings: input.maxMeetings },
        });
        const all = await repo.interpretersOf(tx, fair.id);
        return interpreterDto(all.find((r) => r.interpreter.id === id)!);
      }),
  };
}
