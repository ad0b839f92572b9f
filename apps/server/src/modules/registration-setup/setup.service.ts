import { DomainError, type Services } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { changeLimit, lockLimits, lockWholeEvent, readAvailability } from '../registration/capacity';
import { fillFreedPlaces } from '../registration/promotion';
import { createCatalogueService, limitGrows } from './catalogue.service';
import { defaultSettings, toCodeDto, toConsentDto, toSettingsDto } from './setup.dto';
import * as repo from './setup.repo';

/** Staff set registration up: event-wide rules, the form, categories, options, codes, consent texts. */
export function createRegistrationSetupService(runtime: Runtime): Services['registrationSetup'] {
  const now = () => runtime.now();

  /** Applies a change to the settings row (created on first write) and records it, in one transaction. */
  function changeSettings(
    caller: Parameters<Services['registrationSetup']['getSettings']>[0],
    action: string,
    patch: Partial<Omit<repo.SettingsRow, 'eventId' | 'updatedAt'>>,
  ) {
    return inTransaction(runtime, async (uow) => {
      const { tx } = uow;
      // The event's limit is checked (never below what is taken), and freed places offered, under
      // the locks registration takes; the settings row is locked after them.
      if (patch.capacity !== undefined)
        await changeLimit(runtime, uow, caller.eventId, { kind: 'event', capacity: patch.capacity });
      const { updatedAt: _b, ...before } = await repo.lockSettings(tx, caller.eventId);
      const { updatedAt: _a, ...after } = await repo.updateSettings(tx, caller.eventId, patch, now());
      await recordAudit(tx, caller, {
        eventId: caller.eventId,
        action,
        objectType: 'registrationSettings',
        objectId: caller.eventId,
        before,
        after,
      });
      if (limitGrows(before.capacity, after.capacity)) await fillFreedPlaces(runtime, uow, caller.eventId);
      return toSettingsDto(after);
    });
  }

  return {
    ...createCatalogueService(runtime),

    async getSettings(caller) {
      const row = await repo.findSettings(runtime.db, caller.eventId);
      return toSettingsDto(row ?? defaultSettings(caller.eventId));
    },

    async updateSettings(caller, input) {
      const { eventId: _eventId, ...fields } = input;
      const { nameCorrectionUntil, ...rest } = fields;
      const patch: Parameters<typeof changeSettings>[2] = Object.fromEntries(
        Object.entries(rest).filter(([, v]) => v !== undefined),
      );
      if (nameCorrectionUntil !== undefined)
        patch.nameCorrectionUntil = nameCorrectionUntil === null ? null : new Date(nameCorrectionUntil);
      return changeSettings(caller, 'registrationSettings.update', patch);
    },

    async updateForm(caller, input) {
      // A removed question's answers stay stored on the registrations that gave them.
      return changeSettings(caller, 'registrationSettings.updateForm', {
        standardFields: input.standardFields,
        questions: input.questions,
      });
    },

    async listCodes(caller) {
      const [rows, places] = await Promise.all([
        repo.listCodes(runtime.db, caller.eventId),
        readAvailability(runtime.db, caller.eventId, now()),
      ]);
      return rows.map((row) => toCodeDto(row, places.codes.get(row.id)?.uses ?? 0));
    },

    async createCode(caller, input) {
      return inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        // A code that reserves places changes what its category and the event have left: it is
        // a limit change (every lock); one that does not is serialised with its category's placements.
        if (input.reservesPlaces) await lockWholeEvent(runtime, uow, caller.eventId);
        else await lockLimits(runtime, uow, [{ kind: 'category', id: input.categoryId }]);
        const category = await repo.lockCategory(tx, caller.eventId, input.categoryId);
        if (!category) {
          throw new DomainError('NOT_FOUND', { key: 'categoryNotFound' }, {
            categoryId: ['Choose a category of this event'],
          });
        }
        const row = await repo.insertCode(tx, {
          eventId: caller.eventId,
          code: input.code,
          categoryId: category.id,
          reservesPlaces: input.reservesPlaces,
          maxUses: input.maxUses,
          expiresAt: input.expiresAt === null ? null : new Date(input.expiresAt),
          note: input.note,
          createdAt: now(),
        });
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'invitationCode.create',
          objectType: 'invitationCode',
          objectId: row.id,
          after: {
            code: row.code,
            categoryId: row.categoryId,
            reservesPlaces: row.reservesPlaces,
            maxUses: row.maxUses,
            expiresAt: row.expiresAt,
            note: row.note,
          },
        });
        return toCodeDto(row, 0);
      });
    },

    async revokeCode(caller, input) {
      await inTransaction(runtime, async (uow) => {
        const { tx } = uow;
        // A code that reserves places gives them back: they go to the waiting list at once.
        await lockWholeEvent(runtime, uow, caller.eventId);
        const code = await repo.lockCode(tx, caller.eventId, input.codeId);
        if (!code) throw new DomainError('NOT_FOUND', { key: 'invitationCodeNotFound' });
        // Revoking twice changes nothing (a double click); the first time is the one recorded.
        if (code.revokedAt) return;
        const row = await repo.revokeCode(tx, code.id, now());
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'invitationCode.revoke',
          objectType: 'invitationCode',
          objectId: code.id,
          before: { revokedAt: null },
          after: { revokedAt: row.revokedAt },
        });
        if (code.reservesPlaces) await fillFreedPlaces(runtime, uow, caller.eventId);
      });
    },

    async listConsents(caller) {
      const rows = await repo.listConsents(runtime.db, caller.eventId);
      const latest = new Map<string, number>();
      for (const r of rows) latest.set(r.kind, Math.max(latest.get(r.kind) ?? 0, r.version));
      return rows.map((r) => toConsentDto(r, latest.get(r.kind) === r.version));
    },

    async publishConsent(caller, input) {
      return inTransaction(runtime, async ({ tx }) => {
        if (!(await repo.lockEvent(tx, caller.eventId))) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
        const version = (await repo.latestConsentVersion(tx, caller.eventId, input.kind)) + 1;
        const row = await repo.insertConsent(tx, {
          eventId: caller.eventId,
          kind: input.kind,
          version,
          text: input.text,
          required: input.required,
          createdAt: now(),
        });
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'consent.publish',
          objectType: 'consent',
          objectId: row.id,
          after: { kind: row.kind, version: row.version, text: row.text, required: row.required },
        });
        return toConsentDto(row, true);
      });
    },
  };
}
