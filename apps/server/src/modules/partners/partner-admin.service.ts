import { DomainError, type PartnerDto, type PartnerServices } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import * as repo from './partners.repo';

/** A partner as staff see it, with the events it is linked to. */
export function partnerDto(r: repo.PartnerRow, eventIds: string[]): PartnerDto {
  return {
    id: r.id,
    name: r.name,
    contactEmail: r.contactEmail,
    eventIds,
    createdAt: r.createdAt.toISOString(),
  };
}

const nameTaken = 'Another partner already has this name';

/** The platform admin's side of partner organisations: the list, edits, and links to events. */
export function createPartnerAdmin(
  runtime: Runtime,
): Pick<PartnerServices['partners'], 'list' | 'update' | 'setEvents'> {
  return {
    async list() {
      const rows = await repo.listPartners(runtime.db);
      const links = await repo.linkedEventIds(
        runtime.db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => partnerDto(r, links.get(r.id) ?? []));
    },

    async update(caller, input) {
      return inTransaction(runtime, async ({ tx }) => {
        const before = await repo.findPartnerForUpdate(tx, input.partnerId);
        if (!before)
          throw new DomainError('NOT_FOUND', { key: 'partnerNotFound' }, { partnerId: ['No such partner'] });
        await repo.lockPartnerName(tx, input.name);
        if (await repo.partnerNameTaken(tx, input.name, { eventId: null, exceptId: before.id }))
          throw new DomainError('CONFLICT', { key: 'partnerNameTaken' }, { name: [nameTaken] });
        const row = await repo.updatePartner(tx, before.id, {
          name: input.name,
          contactEmail: input.contactEmail,
        });
        if (!row) throw new Error('partner vanished');
        await recordAudit(tx, caller, {
          eventId: null,
          action: 'partner.update',
          objectType: 'partner',
          objectId: row.id,
          before: { name: before.name, contactEmail: before.contactEmail },
          after: { name: row.name, contactEmail: row.contactEmail },
        });
        const links = await repo.linkedEventIds(tx, [row.id]);
        return partnerDto(row, links.get(row.id) ?? []);
      });
    },

    async setEvents(caller, input) {
      return inTransaction(runtime, async ({ tx }) => {
        const partner = await repo.findPartnerForUpdate(tx, input.partnerId);
        if (!partner)
          throw new DomainError('NOT_FOUND', { key: 'partnerNotFound' }, { partnerId: ['No such partner'] });
        const known = new Set(await repo.existingEventIds(tx, input.eventIds));
        const unknown = input.eventIds.findIndex((id) => !known.has(id));
        if (unknown >= 0) {
          throw new DomainError('NOT_FOUND', { key: 'eventNotFound' }, { [`eventIds.${unknown}`]: ['No such event'] });
        }
        const before = (await repo.linkedEventIds(tx, [partner.id])).get(partner.id) ?? [];
        const wanted = new Set(input.eventIds);
        const at = runtime.now();
        // Unlinking ends the partner's keys for that event too: the link is what let them be made.
        const revoked: Array<{ eventId: string; keyId: string }> = [];
        for (const eventId of before) {
          if (wanted.has(eventId)) continue;
          await repo.unlinkPartner(tx, eventId, partner.id);
          const keyIds = await repo.revokeEventKeys(tx, eventId, partner.id, at);
          revoked.push(...keyIds.map((keyId) => ({ eventId, keyId })));
        }
        for (const id of input.eventIds)
          if (!before.includes(id)) await repo.linkPartner(tx, id, partner.id, at);
        const after = (await repo.linkedEventIds(tx, [partner.id])).get(partner.id) ?? [];
        if (before.length !== after.length || before.some((id) => !wanted.has(id))) {
          await recordAudit(tx, caller, {
            eventId: null,
            action: 'partner.link',
            objectType: 'partner',
            objectId: partner.id,
            before: { eventIds: [...before].sort() },
            after: { eventIds: [...after].sort() },
          });
        }
        for (const { eventId, keyId } of revoked) {
          await recordAudit(tx, caller, {
            eventId,
            action: 'apiKey.revoke',
            objectType: 'apiKey',
            objectId: keyId,
            before: { revokedAt: null },
            after: { revokedAt: at },
          });
        }
        return partnerDto(partner, after);
      });
    },
  };
}
