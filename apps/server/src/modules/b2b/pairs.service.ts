import type { B2bServices, PrematchDto } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import * as repo from './b2b.repo';
import { suggestPairs, type MatchProfile } from './matching';
import { refuse, requireFair } from './shared';

type S = B2bServices['b2b'];

function prematchDto(r: Awaited<ReturnType<typeof repo.prematchesOf>>[number]): PrematchDto {
  return {
    id: r.prematch.id,
    buyerProfileId: r.prematch.buyerProfileId,
    sellerProfileId: r.prematch.sellerProfileId,
    buyerName: r.buyerName,
    sellerName: r.sellerName,
    priority: r.prematch.priority,
    status: r.prematch.status,
    meetingId: r.meetingId,
  };
}

async function onePrematch(db: Executor, fairId: string, id: string): Promise<PrematchDto> {
  const [row] = await repo.prematchesOf(db, fairId, id);
  return prematchDto(row!);
}

/** A validated buyer and a validated seller of this fair, or the refusal that says which is not. */
export async function requirePair(
  db: Executor,
  fairId: string,
  buyerProfileId: string,
  sellerProfileId: string,
) {
  const [buyer, seller] = await Promise.all([
    repo.findProfile(db, fairId, buyerProfileId),
    repo.findProfile(db, fairId, sellerProfileId),
  ]);
  if (!buyer) throw refuse('NOT_FOUND', 'b2bProfileNotFound', 'buyerProfileId');
  if (!seller) throw refuse('NOT_FOUND', 'b2bProfileNotFound', 'sellerProfileId');
  if (buyer.profile.side !== 'buyer') throw refuse('INVALID_INPUT', 'b2bWrongSide', 'buyerProfileId');
  if (seller.profile.side !== 'seller') throw refuse('INVALID_INPUT', 'b2bWrongSide', 'sellerProfileId');
  if (buyer.profile.status !== 'validated')
    throw refuse('CONFLICT', 'b2bProfileNotValidated', 'buyerProfileId', { side: 'buyer' });
  if (seller.profile.status !== 'validated')
    throw refuse('CONFLICT', 'b2bProfileNotValidated', 'sellerProfileId', { side: 'seller' });
  return { buyer: buyer.profile, seller: seller.profile };
}

const asMatch = (p: repo.ProfileRow): MatchProfile => ({
  id: p.id,
  country: p.country,
  products: p.products,
  languages: p.languages,
  exportMarkets: p.exportMarkets,
});

export function createPairsService(
  runtime: Runtime,
): Pick<S, 'suggestions' | 'prematches' | 'proposePrematch' | 'decidePrematch'> {
  return {
    async suggestions(caller, input) {
      const fair = await requireFair(runtime.db, caller.eventId);
      // Only validated profiles show (the coordinator checks them first).
      const rows = await repo.profilesOf(runtime.db, fair.id, { status: 'validated' });
      const names = new Map(rows.map((r) => [r.profile.id, r.name]));
      const buyers = rows
        .filter(
          (r) =>
            r.profile.side === 'buyer' && (!input.buyerProfileId || r.profile.id === input.buyerProfileId),
        )
        .map((r) => asMatch(r.profile));
      const sellers = rows.filter((r) => r.profile.side === 'seller').map((r) => asMatch(r.profile));
      return suggestPairs(buyers, sellers, input.limit).map((p) => ({
        ...p,
        buyerName: names.get(p.buyerProfileId) ?? {},
        sellerName: names.get(p.sellerProfileId) ?? {},
      }));
    },

    async prematches(caller) {
      const fair = await requireFair(runtime.db, caller.eventId);
      return (await repo.prematchesOf(runtime.db, fair.id)).map(prematchDto);
    },

    proposePrematch: (caller, input) =>
      inTransaction(runtime, async ({ tx }) => {
        const fair = await requireFair(tx, caller.eventId);
        await requirePair(tx, fair.id, input.buyerProfileId, input.sellerProfileId);
        const id = await repo.insertPrematch(tx, {
          fairId: fair.id,
          buyerProfileId: input.buyerProfileId,
          sellerProfileId: input.sellerProfileId,
          priority: input.priority,
          status: 'proposed',
          createdAt: runtime.now(),
        });
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'b2b.prematch.propose',
          objectType: 'b2bPrematch',
          objectId: id,
          after: {
            buyerProfileId: input.buyerProfileId,
            sellerProfileId: input.sellerProfileId,
            priority: input.priority,
          },
        });
        return onePrematch(tx, fair.id, id);
      }),

    decidePrematch: (caller, input) =>
      inTransaction(runtime, async ({ tx }) => {
        const fair = await requireFair(tx, caller.eventId);
        const row = await repo.lockPrematch(tx, fair.id, input.prematchId);
        if (!row) throw refuse('NOT_FOUND', 'b2bPrematchNotFound', 'prematchId');
        // The buyer answers once; forcing overrides a refusal, as protocol may demand.
        if (row.status !== 'proposed' && !(input.decision === 'forced' && row.status === 'rejected'))
          throw refuse('CONFLICT', 'b2bPrematchDecided', 'prematchId');
        await repo.decidePrematch(tx, row.id, input.decision, runtime.now());
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'b2b.prematch.decide',
          objectType: 'b2bPrematch',
          objectId: row.id,
          before: { status: row.status },
          after: { status: input.decision },
        });
        return onePrematch(tx, fair.id, row.id);
      }),
  };
}
