import { ref } from 'vue';
import { useNotify } from '../../lib/notify';
import { emptyAuditFilters, type AuditLogStore, type AuditScope } from './use-audit-store';

/**
 * What an audit log page does with its filters: search, reset, load older
 * entries, with busy flags and errors as toasts. `target` says whose log and in
 * which zone days are read; null while that is not known yet (no event open).
 */
export function useAuditSearch(
  log: AuditLogStore,
  target: () => { scope: AuditScope; timeZone: string } | null,
) {
  const notify = useNotify();
  const filters = ref(emptyAuditFilters());
  const loading = ref(false);
  const loadingMore = ref(false);

  async function search(): Promise<void> {
    const where = target();
    if (!where) return;
    loading.value = true;
    try {
      await log.search(where.scope, filters.value, where.timeZone);
    } catch (err) {
      notify.error(err);
    } finally {
      loading.value = false;
    }
  }

  async function reset(): Promise<void> {
    filters.value = emptyAuditFilters();
    await search();
  }

  async function more(): Promise<void> {
    loadingMore.value = true;
    try {
      await log.loadMore();
    } catch (err) {
      notify.error(err);
    } finally {
      loadingMore.value = false;
    }
  }

  return { filters, loading, loadingMore, search, reset, more };
}
