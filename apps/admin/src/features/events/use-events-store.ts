import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { EventDto, EventTransition } from '@plenary/contracts/schemas';
import { api } from '../../api';
import { useAuthStore } from '../auth/use-auth-store';
import type { CreateEventInput, UpdateEventInput } from './event-form';

export type { EventTransition };

const lastEventKey = 'plenary.admin.lastEvent';

/** The events the user works on, and the one open in the console. */
export const useEventsStore = defineStore('events', () => {
  const list = ref<EventDto[]>([]);
  const listLoaded = ref(false);
  const current = ref<EventDto | null>(null);

  /** Events for the switcher: a platform admin's list of all events, else the user's memberships. */
  const switcherEvents = computed(() => {
    const auth = useAuthStore();
    if (auth.isPlatformAdmin && listLoaded.value) {
      return list.value.map((e) => ({ eventId: e.id, slug: e.slug, title: e.title, status: e.status }));
    }
    return auth.memberships.map((m) => ({ eventId: m.eventId, slug: m.slug, title: m.title, status: null }));
  });

  async function loadList(): Promise<void> {
    list.value = await api().events.listMine.query({ includeArchived: true });
    listLoaded.value = true;
  }

  function remember(event: EventDto) {
    current.value = event;
    const i = list.value.findIndex((e) => e.id === event.id);
    if (i >= 0) list.value.splice(i, 1, event);
    try {
      localStorage.setItem(lastEventKey, event.id);
    } catch {
      /* storage blocked: only the default event is lost */
    }
  }

  async function open(eventId: string): Promise<EventDto> {
    if (current.value?.id !== eventId) current.value = null;
    const event = await api().events.get.query({ eventId });
    remember(event);
    return event;
  }

  async function create(input: CreateEventInput): Promise<EventDto> {
    const event = await api().events.create.mutate(input);
    list.value = [event, ...list.value];
    // The creator becomes the owner: memberships changed.
    await useAuthStore().refresh();
    return event;
  }

  async function update(input: UpdateEventInput): Promise<EventDto> {
    const event = await api().events.update.mutate(input);
    remember(event);
    await useAuthStore().refresh();
    return event;
  }

  async function transition(eventId: string, to: EventTransition): Promise<EventDto> {
    const event = await api().events.transition.mutate({ eventId, to });
    remember(event);
    return event;
  }

  /** The event the user opened last, if they are still on it. */
  function lastEventId(): string | null {
    try {
      return localStorage.getItem(lastEventKey);
    } catch {
      return null;
    }
  }

  return {
    list,
    listLoaded,
    current,
    switcherEvents,
    loadList,
    open,
    create,
    update,
    transition,
    lastEventId,
  };
});
