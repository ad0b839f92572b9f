import { afterEach, describe, expect, it } from 'vitest';
import { setValidationLocale } from '@plenary/contracts/schemas';
import { ids, tciForm } from '../../testing/registration-fixtures';
import { emptyDraft, validateRegistration, type RegistrationDraft } from './register-form';

function filled(): RegistrationDraft {
  const draft = emptyDraft();
  draft.categoryId = ids.general;
  Object.assign(draft.participant, {
    givenName: ' Minji ',
    familyName: 'Kim',
    localName: '김민지',
    email: 'minji.kim@example.kr',
    organisation: 'KICOX',
    jobTitle: 'Manager',
    country: 'kr',
  });
  draft.answers = { attends_b2b: 'no', company_sector: 'Textiles' };
  draft.consents = { privacy: true };
  return draft;
}

describe('validateRegistration', () => {
  afterEach(() => setValidationLocale('en'));

  it('sends what the contract expects: trimmed, hidden fields null, answers of hidden questions dropped', () => {
    const result = validateRegistration(tciForm, filled(), 'ko', '참가 유형을 고르세요');
    expect(result.errors).toBeNull();
    expect(result.request?.participant).toEqual({
      givenName: 'Minji',
      familyName: 'Kim',
      localName: '김민지',
      email: 'minji.kim@example.kr',
      organisation: 'KICOX',
      // The TCI form hides the job title: what was typed is not sent.
      jobTitle: null,
      country: 'KR',
      phone: null,
      dietary: null,
      accessibility: null,
    });
    expect(result.request?.answers).toEqual({ attends_b2b: 'no' });
    expect(result.request?.consents).toEqual([{ kind: 'privacy', version: 2 }]);
  });

  it('refuses options that overlap in time, naming them in the chosen language', () => {
    const form = {
      ...tciForm,
      options: tciForm.options.map((o) =>
        o.id === ids.nightTour
          ? { ...o, startsAt: '2015-11-03T06:00:00.000Z', endsAt: '2015-11-03T10:00:00.000Z' }
          : o,
      ),
    };
    const draft = filled();
    draft.optionIds = [ids.nightTour, ids.clusterTour];
    expect(validateRegistration(form, draft, 'ko', '참가 유형을 고르세요').errors).toEqual({
      optionIds: ['클러스터 투어와(과) 야간 투어는 시간이 겹칩니다. 하나만 고르세요'],
    });
    expect(validateRegistration(form, draft, 'en', 'Choose a registration type').errors).toEqual({
      optionIds: ['Cluster tour and Night tour take place at the same time: choose one'],
    });
  });

  it('requires a standard field the organiser made required, in the chosen language', () => {
    const form = {
      ...tciForm,
      standardFields: { ...tciForm.standardFields, phone: { shown: true, required: true } },
    };
    const ko = validateRegistration(form, filled(), 'ko', '참가 유형을 고르세요');
    expect(ko.errors).toEqual({ 'participant.phone': ['필수 항목입니다'] });
    const draft = filled();
    draft.participant.phone = 'call me';
    const en = validateRegistration(form, draft, 'en', 'Choose a registration type');
    expect(en.errors).toEqual({
      'participant.phone': ['Enter a phone number with its country code, e.g. +82 53 601 5000'],
    });
  });

  it('asks for a category in words a participant understands, not "Must be a valid id"', () => {
    const draft = filled();
    draft.categoryId = '';
    expect(validateRegistration(tciForm, draft, 'en', 'Choose a registration type').errors).toEqual({
      categoryId: ['Choose a registration type'],
    });
  });
});
