import type { FakePerson } from './fake-portal-api';
import { tci2015 } from './event-fixtures';
import { offeredRegistration } from './registration-fixtures';

const event = {
  id: tci2015.id,
  slug: tci2015.slug,
  title: tci2015.title,
  startsAt: tci2015.startsAt,
  endsAt: tci2015.endsAt,
  timeZone: tci2015.timeZone,
};

/** Lan, registered and confirmed at TCI 2015, contact of her ministry's delegation. */
export const lan: FakePerson = {
  email: 'lan@example.org',
  code: '482913',
  events: [event],
  conference: [
    {
      event,
      sections: [
        {
          kind: 'registration',
          registrationId: offeredRegistration.id,
          reference: 'TCI-4821',
          status: 'confirmed',
          category: { ko: '일반 참가', en: 'Delegate' },
          ticketCode: 'TCI-T-4821-QX7',
        },
        {
          kind: 'delegation',
          delegations: [
            {
              id: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9f41',
              name: 'Ministry of Planning',
              members: 3,
              confirmed: 2,
            },
          ],
        },
      ],
    },
  ],
};
