import type { PeopleServices } from '@plenary/contracts';
import { DomainError } from '@plenary/contracts';
import { asc, eq, schema } from '@plenary/db';
import type { Runtime } from '../../core/runtime';
import { findPerson, searchPersonRows } from './people.repo';
import { erasePerson, exportPersonData, personDto } from './person-data';

/** The platform admin's procedures on people (people.search, get, exportData, erase). */
export function createPeopleService(runtime: Runtime): PeopleServices['people'] {
  return {
    async search(_caller, input) {
      const rows = await searchPersonRows(runtime.db, input.query, input.limit);
      return { people: rows.map(personDto) };
    },
    async get(_caller, input) {
      const person = await findPerson(runtime.db, input.personId);
      if (!person) throw new DomainError('NOT_FOUND', { key: 'personNotFound' });
      const r = schema.registrations;
      const regs = await runtime.db
        .select({ id: r.id, eventId: r.eventId, reference: r.reference, status: r.status, createdAt: r.createdAt })
        .from(r)
        .where(eq(r.personId, person.id))
        .orderBy(asc(r.createdAt), asc(r.id));
      return {
        ...personDto(person),
        registrations: regs.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
      };
    },
    exportData: (_caller, input) => exportPersonData(runtime.db, input.personId),
    erase: (caller, input) => erasePerson(runtime, input.personId, caller),
  };
}
