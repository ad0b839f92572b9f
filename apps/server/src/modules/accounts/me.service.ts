import type { Services } from '@plenary/contracts';
import { and, asc, eq, inArray, schema, type Executor } from '@plenary/db';
import { inTransaction, notFound, type Runtime } from '../../core/runtime';
import { addRegistrationLink } from '../registration/links';
import { erasePerson, exportPersonData } from '../people/person-data';
import { deleteSessionsOfPerson } from './accounts.repo';
import type { ConferenceSectionRegistry } from './conference-sections';

const { events, registrations } = schema;

const eventColumns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
};

function eventDto(row: {
  id: string;
  slug: string;
  title: Record<string, string | undefined>;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}) {
  return { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() };
}

async function findEvents(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(eventColumns).from(events).where(inArray(events.id, ids)).orderBy(asc(events.startsAt));
}

/** The signed-in participant's own pages, made of what the registered modules provide. */
export function createMeService(runtime: Runtime, sections: ConferenceSectionRegistry): Services['me'] {
  return {
    async events(caller) {
      const ids = await sections.eventIdsOf(runtime.db, caller.person.personId);
      return (await findEvents(runtime.db, ids)).map(eventDto);
    },

    async conference(caller, input) {
      const [event] = await findEvents(runtime.db, [input.eventId]);
      if (!event) throw notFound('The event');
      const list = await sections.sectionsFor(runtime.db, caller.person.personId, input.eventId);
      // An event where the person has nothing answers as missing, so ids of others' events cannot be probed.
      if (list.length === 0) throw notFound('The event');
      return { event: eventDto(event), sections: list };
    },

    async openRegistration(caller, input) {
      return inTransaction(runtime, async ({ tx }) => {
        const [row] = await tx
          .select({ id: registrations.id })
          .from(registrations)
          .where(
            and(
              eq(registrations.id, input.registrationId),
              eq(registrations.personId, caller.person.personId),
            ),
          );
        if (!row) throw notFound('The registration');
        return { token: await addRegistrationLink(tx, row.id) };
      });
    },

    async exportData(caller) {
      const data = await exportPersonData(runtime.db, caller.person.personId);
      return { exportedAt: runtime.now().toISOString(), data };
    },

    async requestErasure(caller, cookie) {
      await deleteSessionsOfPerson(runtime.db, caller.person.personId);
      await erasePerson(runtime, caller.person.personId, {
        actor: null,
        request: caller.request,
        agent: { kind: 'person', personId: caller.person.personId },
      });
      cookie.clear();
    },
  };
}
