import type { B2bServices, DashboardDto } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import * as repo from './b2b.repo';
import { requireFair } from './shared';

type S = B2bServices['b2b'];
type Figures = DashboardDto['byBuyerCountry'][number] extends infer F ? Omit<F, 'country'> : never;

const zero = (): Figures => ({
  meetings: 0,
  held: 0,
  contractsInProgress: 0,
  inProgressUsd: 0,
  signedUsd: 0,
});
const cents = (v: number) => Math.round(v * 100) / 100;

/**
 * The fair's figures from its live meetings and their outcomes. Amounts are
 * converted to USD at the rates staff entered for the fair's date; an amount in a
 * currency without a rate is left out and its currency listed, rather than
 * guessed. "Signed on site" is signed on the fair's own date.
 */
export function createDashboardService(runtime: Runtime): Pick<S, 'rates' | 'setRates' | 'dashboard'> {
  return {
    async rates(caller) {
      const fair = await requireFair(runtime.db, caller.eventId);
      return repo.ratesOf(runtime.db, fair.id);
    },

    setRates: (caller, input) =>
      inTransaction(runtime, async ({ tx }) => {
        const fair = await requireFair(tx, caller.eventId);
        const byCurrency = new Map(input.rates.map((r) => [r.currency, r.usdPerUnit]));
        const rates = [...byCurrency].map(([currency, usdPerUnit]) => ({ currency, usdPerUnit }));
        await repo.upsertRates(tx, fair.id, rates);
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'b2b.rates.set',
          objectType: 'b2bFair',
          objectId: fair.id,
          after: { rates },
        });
        return repo.ratesOf(tx, fair.id);
      }),

    async dashboard(caller) {
      const fair = await requireFair(runtime.db, caller.eventId);
      const [meetings, rateRows, profiles] = await Promise.all([
        repo.meetingsWithOutcomes(runtime.db, fair.id),
        repo.ratesOf(runtime.db, fair.id),
        repo.profilesOf(runtime.db, fair.id),
      ]);
      const rates = new Map<string, number>([['USD', 1]]);
      for (const r of rateRows) rates.set(r.currency, Number(r.usdPerUnit));
      const profileById = new Map(profiles.map((p) => [p.profile.id, p]));
      const missing = new Set<string>();
      const usd = (amount: number | null, currency: string | null): number => {
        if (amount === null || currency === null) return 0;
        const rate = rates.get(currency);
        if (rate === undefined) {
          missing.add(currency);
          return 0;
        }
        return amount * rate;
      };

      const out: DashboardDto = {
        planned: 0,
        held: 0,
        noShow: 0,
        cancelled: 0,
        contractsInProgress: 0,
        inProgressUsd: 0,
        signedOnSiteUsd: 0,
        signedLaterUsd: 0,
        missingRates: [],
        byBuyerCountry: [],
        byHsChapter: [],
        perCompany: [],
      };
      const countries = new Map<string, Figures>();
      const chapters = new Map<string, Figures>();
      const companies = new Map<string, Figures>();
      const add = (map: Map<string, Figures>, key: string, f: (g: Figures) => void) => {
        let g = map.get(key);
        if (!g) map.set(key, (g = zero()));
        f(g);
      };

      for (const m of meetings) {
        if (m.status === 'cancelled') {
          out.cancelled++;
          continue;
        }
        out.planned++;
        if (m.status === 'held') out.held++;
        if (m.status === 'no_show') out.noShow++;
        const inProgress = m.stage === 'contract_in_progress';
        const inProgressUsd = inProgress ? usd(m.estimatedValue, m.currency) : 0;
        const signedUsd = m.stage === 'signed' ? usd(m.signedAmount, m.currency) : 0;
        if (inProgress) out.contractsInProgress++;
        out.inProgressUsd += inProgressUsd;
        if (m.stage === 'signed') {
          if (m.signedOn === fair.date) out.signedOnSiteUsd += signedUsd;
          else out.signedLaterUsd += signedUsd;
        }
        const count = (g: Figures) => {
          g.meetings++;
          if (m.status === 'held') g.held++;
          if (inProgress) g.contractsInProgress++;
          g.inProgressUsd += inProgressUsd;
          g.signedUsd += signedUsd;
        };
        const buyer = profileById.get(m.buyerProfileId);
        add(countries, buyer?.profile.country ?? '', count);
        add(chapters, buyer?.profile.products[0]?.hsCode.slice(0, 2) ?? '', count);
        add(companies, m.buyerProfileId, count);
        add(companies, m.sellerProfileId, count);
      }

      const rounded = (g: Figures): Figures => ({
        ...g,
        inProgressUsd: cents(g.inProgressUsd),
        signedUsd: cents(g.signedUsd),
      });
      out.inProgressUsd = cents(out.inProgressUsd);
      out.signedOnSiteUsd = cents(out.signedOnSiteUsd);
      out.signedLaterUsd = cents(out.signedLaterUsd);
      out.missingRates = [...missing].sort();
      out.byBuyerCountry = [...countries]
        .map(([country, g]) => ({ country, ...rounded(g) }))
        .sort((a, b) => b.meetings - a.meetings || a.country.localeCompare(b.country));
      out.byHsChapter = [...chapters]
        .map(([chapter, g]) => ({ chapter, ...rounded(g) }))
        .sort((a, b) => a.chapter.localeCompare(b.chapter));
      out.perCompany = [...companies]
        .map(([profileId, g]) => {
          const p = profileById.get(profileId);
          return { profileId, side: p?.profile.side ?? 'buyer', name: p?.name ?? {}, ...rounded(g) };
        })
        .sort((a, b) => b.meetings - a.meetings || (a.profileId < b.profileId ? -1 : 1));
      return out;
    },
  };
}
