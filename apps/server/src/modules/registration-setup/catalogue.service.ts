import { DomainError, message, type Services } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { changeLimit, lockLimits, lockWholeEvent, readAvailability } from '../registration/capacity';
import { fillFreedPlaces } from '../registration/promotion';
import { toCategoryDto, toOptionDto } from './setup.dto';
import * as repo from './setup.repo';

type Setup = Services['registrationSetup'];
export type CatalogueService = Pick<
  Setup,
  | 'listCategories'
  | 'createCategory'
  | 'updateCategory'
  | 'deleteCategory'
  | 'listOptions'
  | 'createOption'
  | 'updateOption'
  | 'deleteOption'
>;

const toDate = (v: string | null) => (v === null ? null : new Date(v));

/** An option ends after it starts, and has a start when it has an end (the overlap rule reads both). */
function refuseEndBeforeStart(startsAt: string | Date | null, endsAt: string | Date | null): void {
  if (endsAt === null) return;
  const start = startsAt === null ? null : new Date(startsAt).getTime();
  if (start === null || new Date(endsAt).getTime() <= start) {
    throw new DomainError('INVALID_INPUT', { key: 'endBeforeStart' }, {
      endsAt: [message('endBeforeStart')],
    });
  }
}

/** Defined entries only: an update sends just what changed. */
function definedOnly<T extends object>(v: T): Partial<T> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Partial<T>;
}

/** Whether a new limit lets more people in than the old one (null: no limit). */
export function limitGrows(before: number | null, after: number | null): boolean {
  if (after === null) return before !== null;
  return before !== null && after > before;
}

/** Categories and options: the things a participant registers for, each with its own limit. */
export function createCatalogueService(runtime: Runtime): CatalogueService {
  const now = () => runtime.now();

  async function categoryDtoOf(db: Executor, eventId: string, row: repo.CategoryRow) {
    return toCategoryDto(row, await readAvailability(db, eventId, now()));
  }

  async function optionDtoOf(db: Executor, eventId: string, row: repo.OptionRow) {
    return toOptionDto(row, await readAvailability(db, eventId, now()));
  }

  return {
    async listCategories(caller) {
      const [rows, places] = await Promise.all([
        repo.listCategories(runtime.db, caller.eventId),
        readAvailability(runtime.db, caller.eventId, now()),
      ]);
      return rows.map((row) => toCategoryDto(row, places));
    },

    async createCategory(caller, input) {
      const { eventId: _eventId, opensAt, closesAt, ...fields } = input;
      return inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        // A new category can make the event-wide limit bind (see eventLimitBinds): wait for registrations in flight.
        await lockWholeEvent(runtime, uow, caller.eventId);
        const row = await repo.insertCategory(tx, {
          ...fields,
          eventId: caller.eventId,
          opensAt: toDate(opensAt),
          closesAt: toDate(closesAt),
          createdAt: now(),
          updatedAt: now(),
        });
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'registrationCategory.create',
          objectType: 'registrationCategory',
          objectId: row.id,
          after: { ...fields, opensAt: row.opensAt, closesAt: row.closesAt },
        });
        return categoryDtoOf(tx, caller.eventId, row);
      });
    },

    async updateCategory(caller, input) {
      const { eventId: _eventId, categoryId, opensAt, closesAt, ...rest } = input;
      const patch = {
        ...definedOnly(rest),
        ...(opensAt !== undefined ? { opensAt: toDate(opensAt) } : {}),
        ...(closesAt !== undefined ? { closesAt: toDate(closesAt) } : {}),
      };
      return inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        // A new limit is checked (never below what is taken), and freed places offered, under the
        // locks registration takes; the row is locked after them (the one lock order, capacity/locks.ts).
        if (patch.capacity !== undefined)
          await changeLimit(runtime, uow, caller.eventId, {
            kind: 'category',
            id: categoryId,
            capacity: patch.capacity,
          });
        const current = await repo.lockCategory(tx, caller.eventId, categoryId);
        if (!current) throw new DomainError('NOT_FOUND', { key: 'categoryNotFound' });
        const merged = { ...current, ...patch };
        // The contract checks these pairs only when both are sent; here they meet the stored half.
        if ((merged.feeAmount === null) !== (merged.feeCurrency === null)) {
          const text = 'Give a fee and its currency together, or neither';
          throw new DomainError('INVALID_INPUT', { key: 'feeNeedsCurrency' }, { feeCurrency: [text] });
        }
        if (merged.opensAt && merged.closesAt && merged.closesAt <= merged.opensAt) {
          const text = message('endBeforeStart', {}, 'en');
          throw new DomainError('INVALID_INPUT', { key: 'endBeforeStart' }, { closesAt: [text] });
        }
        const row = await repo.updateCategory(tx, categoryId, patch, now());
        const { updatedAt: _b, ...before } = current;
        const { updatedAt: _a, ...after } = row;
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'registrationCategory.update',
          objectType: 'registrationCategory',
          objectId: row.id,
          before,
          after,
        });
        if (limitGrows(current.capacity, row.capacity)) await fillFreedPlaces(runtime, uow, caller.eventId);
        return categoryDtoOf(tx, caller.eventId, row);
      });
    },

    async deleteCategory(caller, input) {
      await inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        // Nobody is placed in the category while it is checked and deleted.
        await lockLimits(runtime, uow, [{ kind: 'category', id: input.categoryId }]);
        const current = await repo.lockCategory(tx, caller.eventId, input.categoryId);
        if (!current) throw new DomainError('NOT_FOUND', { key: 'categoryNotFound' });
        const used = await repo.countRegistrationsInCategory(tx, current.id);
        if (used > 0) {
          const params = { count: used };
          throw new DomainError(
            'INVALID_STATE',
            used === 1 ? { key: 'categoryInUseOne', params } : { key: 'categoryInUse', params },
          );
        }
        await repo.deleteCategory(tx, current.id);
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'registrationCategory.delete',
          objectType: 'registrationCategory',
          objectId: current.id,
          before: { code: current.code, label: current.label, capacity: current.capacity },
        });
      });
    },

    async listOptions(caller) {
      const [rows, places] = await Promise.all([
        repo.listOptions(runtime.db, caller.eventId),
        readAvailability(runtime.db, caller.eventId, now()),
      ]);
      return rows.map((row) => toOptionDto(row, places));
    },

    async createOption(caller, input) {
      const { eventId: _eventId, startsAt, endsAt, ...fields } = input;
      refuseEndBeforeStart(startsAt, endsAt);
      return inTransaction(runtime, async ({ tx }) => {
        const row = await repo.insertOption(tx, {
          ...fields,
          eventId: caller.eventId,
          startsAt: toDate(startsAt),
          endsAt: toDate(endsAt),
          createdAt: now(),
          updatedAt: now(),
        });
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'registrationOption.create',
          objectType: 'registrationOption',
          objectId: row.id,
          after: { ...fields, startsAt: row.startsAt, endsAt: row.endsAt },
        });
        return optionDtoOf(tx, caller.eventId, row);
      });
    },

    async updateOption(caller, input) {
      const { eventId: _eventId, optionId, startsAt, endsAt, ...rest } = input;
      const patch = {
        ...definedOnly(rest),
        ...(startsAt !== undefined ? { startsAt: toDate(startsAt) } : {}),
        ...(endsAt !== undefined ? { endsAt: toDate(endsAt) } : {}),
      };
      return inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        if (patch.capacity !== undefined)
          await changeLimit(runtime, uow, caller.eventId, {
            kind: 'option',
            id: optionId,
            capacity: patch.capacity,
          });
        const current = await repo.lockOption(tx, caller.eventId, optionId);
        if (!current) throw new DomainError('NOT_FOUND', { key: 'optionNotFound' });
        refuseEndBeforeStart(
          'startsAt' in patch ? (patch.startsAt ?? null) : current.startsAt,
          'endsAt' in patch ? (patch.endsAt ?? null) : current.endsAt,
        );
        const row = await repo.updateOption(tx, optionId, patch, now());
        const { updatedAt: _b, ...before } = current;
        const { updatedAt: _a, ...after } = row;
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'registrationOption.update',
          objectType: 'registrationOption',
          objectId: row.id,
          before,
          after,
        });
        if (limitGrows(current.capacity, row.capacity)) await fillFreedPlaces(runtime, uow, caller.eventId);
        return optionDtoOf(tx, caller.eventId, row);
      });
    },

    async deleteOption(caller, input) {
      await inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        await lockLimits(runtime, uow, [{ kind: 'option', id: input.optionId }]);
        const current = await repo.lockOption(tx, caller.eventId, input.optionId);
        if (!current) throw new DomainError('NOT_FOUND', { key: 'optionNotFound' });
        const used = await repo.countChoicesOfOption(tx, current.id);
        if (used > 0) {
          const params = { count: used };
          throw new DomainError(
            'INVALID_STATE',
            used === 1 ? { key: 'optionInUseOne', params } : { key: 'optionInUse', params },
          );
        }
        await repo.deleteOption(tx, current.id);
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'registrationOption.delete',
          objectType: 'registrationOption',
          objectId: current.id,
          before: { code: current.code, label: current.label, capacity: current.capacity },
        });
      });
    },
  };
}
