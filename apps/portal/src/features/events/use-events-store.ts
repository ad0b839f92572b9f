import { defineStore } from 'pinia';
import { ref } from 'vue';
import { apiErrorInfo } from '@plenary/ui';
import type { PublicEventDto } from '@plenary/contracts/schemas';
import { portalApi } from '../../api';
import { usePrerendered } from '../../lib/prerendered';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
export type EventLoadState = LoadState | 'not-found';

/** Published events for the public portal: the list, and the event being viewed. */
export const useEventsStore = defineStore('events', () => {
  const events = ref<PublicEventDto[]>([]);
  const listState = ref<LoadState>('idle');

  const event = ref<PublicEventDto | null>(null);
  const eventState = ref<EventLoadState>('idle');
  /** The slug last asked for: a slower answer for an earlier slug must not replace it. */
  const requestedSlug = ref<string | null>(null);

  /** Whether the event's registration form is open, for the page's "Register" button; null: unknown. */
  const registrationOpen = ref<boolean | null>(null);

  const prerendered = usePrerendered();

  async function loadRegistrationOpen(eventId: string): Promise<void> {
    if (prerendered.take(`open:${eventId}`)) return;
    registrationOpen.value = null;
    try {
      const form = await portalApi().portalRegistration.form.query({ eventId });
      if (event.value?.id === eventId) registrationOpen.value = form.open;
    } catch {
      // No button rather than a broken one; the event page itself still shows.
      registrationOpen.value = null;
    }
  }

  async function loadEvents(): Promise<void> {
    if (prerendered.take('events')) return;
    // Keep showing the list we have while refreshing it.
    if (listState.value !== 'ready') listState.value = 'loading';
    try {
      events.value = await portalApi().portal.events.query();
      listState.value = 'ready';
    } catch {
      listState.value = 'error';
    }
  }

  async function loadEvent(slug: string): Promise<void> {
    const key = slug.trim().toLowerCase();
    if (prerendered.take(`event:${key}`)) return;
    requestedSlug.value = key;
    // An event already in the list shows at once; the fetch below refreshes it.
    const known =
      events.value.find((e) => e.slug === key) ?? (event.value?.slug === key ? event.value : null);
    event.value = known;
    eventState.value = known ? 'ready' : 'loading';
    try {
      const found = await portalApi().portal.event.query({ slug: key });
      if (requestedSlug.value !== key) return;
      event.value = found;
      eventState.value = 'ready';
    } catch (err) {
      if (requestedSlug.value !== key) return;
      const notFound = apiErrorInfo(err).code === 'NOT_FOUND';
      if (notFound) event.value = null;
      // A network error while a cached copy shows: keep showing it.
      eventState.value = notFound ? 'not-found' : event.value ? 'ready' : 'error';
    }
  }

  return {
    events,
    listState,
    event,
    eventState,
    registrationOpen,
    loadEvents,
    loadEvent,
    loadRegistrationOpen,
    prerendered: prerendered.keys,
    markPrerendered: prerendered.mark,
  };
});
