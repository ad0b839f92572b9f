import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type { categoryDto } from '@plenary/contracts/schemas';
import { api } from '../../api';
import { batches, saveFile } from './download';

export type Category = z.infer<typeof categoryDto>;
export type BadgeLayout = 'a4' | 'a6';

/** Badges per PDF: small enough to come back in seconds, large enough for few files. */
export const BADGES_PER_FILE = 200;
const PAGE = 200;

/** Bulk badge printing: everyone confirmed, or the chosen categories, in files of BADGES_PER_FILE. */
export const useBadgesStore = defineStore('badges', () => {
  const categories = ref<Category[]>([]);
  /** Files done and files in all, while printing. */
  const progress = ref<{ done: number; total: number } | null>(null);

  async function loadCategories(eventId: string): Promise<void> {
    categories.value = await api().registrationSetup.categories.query({ eventId });
  }

  /** The confirmed registrations of the categories (all when none chosen), in surname order. */
  async function confirmedIds(eventId: string, categoryIds: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await api().registrations.list.query({
        eventId,
        statuses: ['confirmed'],
        ...(categoryIds.length ? { categoryIds } : {}),
        sort: 'familyName',
        direction: 'asc',
        offset,
        limit: PAGE,
      });
      ids.push(...page.rows.map((r) => r.id));
      if (page.rows.length < PAGE || ids.length >= page.total) return ids;
    }
  }

  /** Prints the badges; returns how many. Each file downloads as it is ready. */
  async function print(eventId: string, categoryIds: string[], layout: BadgeLayout): Promise<number> {
    const ids = await confirmedIds(eventId, categoryIds);
    const files = batches(ids, BADGES_PER_FILE);
    progress.value = { done: 0, total: files.length };
    try {
      for (const registrationIds of files) {
        saveFile(await api().documents.badges.mutate({ eventId, registrationIds, layout }));
        progress.value = { done: progress.value.done + 1, total: files.length };
      }
    } finally {
      progress.value = null;
    }
    return ids.length;
  }

  return { categories, progress, loadCategories, print };
});
