import { describe, expect, it } from 'vitest';
import {
  createCategoryInput,
  createInvitationCodeInput,
  updateRegistrationSettingsInput,
  zodFieldErrors,
  type CategoryDto,
  type RegistrationSettingsDto,
} from '@plenary/contracts/schemas';
import {
  codeLooksGuessable,
  categoryFormFrom,
  categoryInput,
  codeInput,
  emptyCategoryForm,
  emptyCodeForm,
  formatFee,
  settingsFormFrom,
  settingsInput,
  suggestCode,
} from './setup-forms';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const categoryId = '0190f5d2-7c1e-7000-8000-0000000000c1';

const government: CategoryDto = {
  id: categoryId,
  code: 'GOV',
  label: { ko: '정부 대표단', en: 'Government delegates' },
  description: {},
  capacity: 120,
  requiresApproval: true,
  opensAt: '2015-09-01T00:00:00.000Z',
  closesAt: '2015-10-31T14:59:00.000Z',
  feeAmount: 50000,
  feeCurrency: 'KRW',
  visibility: 'invitation',
  colour: '#aa3300',
  position: 2,
  taken: 3,
  waitlisted: 0,
  remaining: 117,
};

describe('category form', () => {
  it('round-trips a category through the form in the event zone', () => {
    const model = categoryFormFrom(government, 'Asia/Seoul');
    // The picker shows Seoul wall time whatever zone the browser is in (TZ is Los Angeles here).
    expect([model.opensAt?.getHours(), model.closesAt?.getHours(), model.closesAt?.getMinutes()]).toEqual([
      9, 23, 59,
    ]);
    expect(categoryInput(eventId, model, 'Asia/Seoul')).toEqual({
      eventId,
      code: 'GOV',
      label: { ko: '정부 대표단', en: 'Government delegates' },
      description: {},
      capacity: 120,
      requiresApproval: true,
      opensAt: '2015-09-01T00:00:00.000Z',
      closesAt: '2015-10-31T14:59:00.000Z',
      feeAmount: 50000,
      feeCurrency: 'KRW',
      visibility: 'invitation',
      colour: '#aa3300',
      position: 2,
    });
  });

  it('lets the contract name the missing parts of an empty form', () => {
    const input = categoryInput(eventId, { ...emptyCategoryForm(), feeAmount: 1000 }, 'Asia/Seoul');
    const result = createCategoryInput.safeParse(input);
    expect(result.success ? {} : Object.keys(zodFieldErrors(result.error)).sort()).toEqual([
      'code',
      'feeCurrency',
      'label.ko',
    ]);
  });
});

describe('invitation code form', () => {
  it('sends an empty maximum as 0, which the contract refuses by name', () => {
    const input = codeInput(eventId, { ...emptyCodeForm(categoryId), code: 'gov-1', maxUses: null }, 'UTC');
    const result = createInvitationCodeInput.safeParse(input);
    expect(result.success ? {} : Object.keys(zodFieldErrors(result.error))).toEqual(['maxUses']);
  });

  it('upper-cases through the contract and leaves a blank note out', () => {
    const input = codeInput(eventId, { ...emptyCodeForm(categoryId), code: ' gov-1 ', note: '  ' }, 'UTC');
    expect(createInvitationCodeInput.parse(input)).toEqual({
      eventId,
      code: 'GOV-1',
      categoryId,
      reservesPlaces: false,
      maxUses: 1,
      expiresAt: null,
      note: null,
    });
  });

  it('suggests readable codes from the category code', () => {
    const always = (n: number) => () => n;
    expect(suggestCode('gov', always(0))).toBe('GOV-AAAAAA');
    expect(suggestCode('', always(0.999))).toBe('999999');
  });
});

describe('settings form', () => {
  const settings: RegistrationSettingsDto = {
    eventId,
    capacity: null,
    offerHours: 48,
    editableFields: ['phone'],
    allowSelfCancel: true,
    visaPurgeDays: 30,
    visaLettersEnabled: true,
    paymentDueDays: 7,
    paymentInstructions: {},
    letterhead: { organiser: { en: 'KICOX' }, email: 'tci2015@kicox.or.kr' },
    standardFields: {},
    questions: [],
    nameCorrectionUntil: null,
  };

  it('sends the name correction cutoff as an instant of the event\'s zone, and null for none', () => {
    const form = settingsFormFrom({ ...settings, nameCorrectionUntil: '2015-09-30T15:00:00.000Z' }, 'Asia/Seoul');
    // Midnight of 1 October in Seoul.
    expect([form.nameCorrectionUntil!.getFullYear(), form.nameCorrectionUntil!.getMonth(), form.nameCorrectionUntil!.getDate(), form.nameCorrectionUntil!.getHours()]).toEqual([2015, 9, 1, 0]);
    expect(settingsInput(eventId, form, 'Asia/Seoul').nameCorrectionUntil).toBe('2015-09-30T15:00:00.000Z');
    expect(settingsInput(eventId, settingsFormFrom(settings), 'Asia/Seoul').nameCorrectionUntil).toBeNull();
  });

  it('sends the letterhead without blank parts', () => {
    const input = settingsInput(eventId, settingsFormFrom(settings));
    expect(updateRegistrationSettingsInput.parse(input)).toEqual({
      eventId,
      capacity: null,
      offerHours: 48,
      editableFields: ['phone'],
      allowSelfCancel: true,
      visaLettersEnabled: true,
      visaPurgeDays: 30,
      paymentDueDays: 7,
      paymentInstructions: {},
      nameCorrectionUntil: null,
      letterhead: {
        organiser: { en: 'KICOX' },
        address: {},
        signatoryTitle: {},
        email: 'tci2015@kicox.or.kr',
      },
    });
  });
});

describe('fees', () => {
  it('shows the minor unit in the major one', () => {
    expect(formatFee(50000, 'KRW', 'en')).toBe('₩50,000');
    expect(formatFee(1250, 'USD', 'en')).toBe('US$12.50');
  });
});

describe('codeLooksGuessable', () => {
  it('flags short and patterned codes, not codes with a random part', () => {
    const flagged = ['MPI-VN-2015', 'VIP', 'TCI-2015', 'KOTRA-2015', 'ABC123', 'GOV-KR-SEOUL'];
    const fine = ['SME-7K3QXP', 'MPI-VN-2015-Q7X2MZ', 'X9F2KQ7M', 'KOTRA-ZXQWPR'];
    expect(flagged.filter((c) => !codeLooksGuessable(c))).toEqual([]);
    expect(fine.filter((c) => codeLooksGuessable(c))).toEqual([]);
  });
});
