import type { MyB2bSection } from '@plenary/contracts';
import type { ConferenceSectionProvider } from '../../accounts/conference-sections';
import { contactsEventIds } from './my-b2b.repo';
import { meetingsOfEvent } from './my-b2b.service';

/** My conference: the meetings of the companies the person is the contact of. */
export const b2bSection: ConferenceSectionProvider<'b2b'> = {
  kind: 'b2b',
  async section(db, personId, eventId): Promise<MyB2bSection | null> {
    const meetings = await meetingsOfEvent(db, personId, eventId);
    if (meetings.length === 0) return null;
    return {
      kind: 'b2b',
      meetings: meetings.map((m) => ({
        id: m.id,
        localStart: m.localStart,
        tableName: m.tableName,
        counterpart: m.counterpart.name,
        status: m.status,
      })),
    };
  },
  eventIds: contactsEventIds,
};
