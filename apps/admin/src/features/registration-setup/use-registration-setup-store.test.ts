import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { CategoryDto, InvitationCodeDto, RegistrationSettingsDto } from '@plenary/contracts/schemas';
import { setApi } from '../../api';
import { fakeApi } from '../../testing/fake-api';
import { useRegistrationSetupStore } from './use-registration-setup-store';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const categoryId = '0190f5d2-7c1e-7000-8000-0000000000c1';
const codeId = '0190f5d2-7c1e-7000-8000-0000000000d1';

const settings: RegistrationSettingsDto = {
  eventId,
  capacity: null,
  offerHours: 48,
  editableFields: [],
  allowSelfCancel: true,
  visaPurgeDays: 30,
  visaLettersEnabled: false,
  paymentDueDays: 7,
  paymentInstructions: {},
  letterhead: {},
  standardFields: {},
  questions: [],
  nameCorrectionUntil: null,
};
const category = (remaining: number): CategoryDto => ({
  id: categoryId,
  code: 'GOV',
  label: { en: 'Government delegates' },
  description: {},
  capacity: 10,
  requiresApproval: false,
  opensAt: null,
  closesAt: null,
  feeAmount: null,
  feeCurrency: null,
  visibility: 'public',
  colour: '#1f6feb',
  position: 0,
  taken: 0,
  waitlisted: 0,
  remaining,
});
const code = (revokedAt: string | null): InvitationCodeDto => ({
  id: codeId,
  code: 'GOV-1',
  categoryId,
  reservesPlaces: true,
  maxUses: 4,
  used: 0,
  expiresAt: null,
  note: null,
  revokedAt,
  createdAt: '2015-09-01T00:00:00.000Z',
});

describe('registration setup store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => setApi(null));

  it('reads the category again after a reserving code is made or revoked', async () => {
    let remaining = 10;
    let revoked: string | null = null;
    const fake = fakeApi({
      'registrationSetup.settings': () => settings,
      'registrationSetup.categories': () => [category(remaining)],
      'registrationSetup.options': () => [],
      'registrationSetup.codes': () => [code(revoked)],
      'registrationSetup.consents': () => [],
      'registrationSetup.createCode': () => {
        remaining = 6;
        return code(null);
      },
      'registrationSetup.revokeCode': () => {
        remaining = 10;
        revoked = '2015-09-02T00:00:00.000Z';
      },
    });
    setApi(fake.client);
    const setup = useRegistrationSetupStore();
    await setup.load(eventId, false);
    expect(setup.codes).toEqual([]);

    await setup.createCode({
      eventId,
      code: 'GOV-1',
      categoryId,
      reservesPlaces: true,
      maxUses: 4,
      expiresAt: null,
      note: null,
    });
    expect([setup.codes.map((c) => c.code), setup.categories[0]?.remaining]).toEqual([['GOV-1'], 6]);

    await setup.revokeCode(codeId);
    expect([setup.codes[0]?.revokedAt, setup.categories[0]?.remaining]).toEqual([
      '2015-09-02T00:00:00.000Z',
      10,
    ]);
    expect(fake.calls.map((c) => c.path)).toEqual([
      'registrationSetup.settings',
      'registrationSetup.categories',
      'registrationSetup.options',
      'registrationSetup.consents',
      'registrationSetup.createCode',
      'registrationSetup.categories',
      'registrationSetup.revokeCode',
      'registrationSetup.codes',
      'registrationSetup.categories',
    ]);
  });

  it('drops the last event’s lists when another event is loaded', async () => {
    const other = '0190f5d2-7c1e-7000-8000-0000000000e2';
    setApi(
      fakeApi({
        'registrationSetup.settings': () => {
          throw new Error('offline');
        },
        'registrationSetup.categories': () => [category(10)],
        'registrationSetup.options': () => [],
        'registrationSetup.codes': () => [],
        'registrationSetup.consents': () => [],
      }).client,
    );
    const setup = useRegistrationSetupStore();
    setup.eventId = eventId;
    setup.categories = [category(3)];
    await expect(setup.load(other, true)).rejects.toThrow('offline');
    expect([setup.eventId, setup.categories]).toEqual([other, []]);
  });
});
