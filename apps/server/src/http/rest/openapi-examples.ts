/**
 * Example bodies of the partner API reference. Each can be sent as it is to the
 * reference event (slug tci-2015, whose government category has this id): a test
 * sends every example in the document to the server (openapi-examples.test.ts).
 * Without them the reference page made one up from the schema, with both
 * registration and delegation and phone numbers generated from the pattern.
 */
export const EXAMPLE_EVENT = 'tci-2015';
export const EXAMPLE_CATEGORY_ID = '0190f5d2-7c1e-7000-8000-0000000000c1';

const person = (givenName: string, familyName: string, email: string, phone: string) => ({
  givenName,
  familyName,
  email,
  organisation: 'KOTRA',
  country: 'KR',
  jobTitle: 'Director',
  phone,
});

export const registrationExamples = {
  registration: {
    summary: 'One person',
    value: {
      registration: {
        categoryId: EXAMPLE_CATEGORY_ID,
        locale: 'en',
        participant: person('Minjun', 'Kim', 'minjun.kim@kotra.example', '+82 2 3460 7114'),
      },
    },
  },
  delegation: {
    summary: 'A delegation of two',
    value: {
      delegation: {
        name: 'KOTRA delegation',
        contactName: 'Seoyeon Lee',
        contactEmail: 'seoyeon.lee@kotra.example',
        categoryId: EXAMPLE_CATEGORY_ID,
        locale: 'ko',
        members: [
          { participant: person('Seoyeon', 'Lee', 'seoyeon.lee@kotra.example', '+82 2 3460 7115') },
          { participant: person('Jiho', 'Park', 'jiho.park@kotra.example', '+82 53 601 5000') },
        ],
      },
    },
  },
};

export const webhookExamples = {
  subscribe: {
    summary: 'Receive new and cancelled registrations',
    value: {
      url: 'https://hooks.kotra.example/plenary',
      eventTypes: ['registration.created', 'registration.cancelled'],
    },
  },
};
