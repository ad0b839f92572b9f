import type { DelegationDto, MyRegistrationDto, RegistrationFormDto } from '@plenary/contracts/schemas';
import { tci2015 } from './event-fixtures';

export const ids = {
  general: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9b01',
  student: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9b02',
  speaker: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9b03',
  clusterTour: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9c01',
  nightTour: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9c02',
  registration: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9d01',
  delegation: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9e01',
  member1: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9d11',
  member2: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9d12',
};

/** The TCI 2015 form: a paid general category, a full student one, tours (the cluster tour full), two questions and two consents. */
export const tciForm: RegistrationFormDto = {
  eventId: tci2015.id,
  open: true,
  categories: [
    {
      id: ids.general,
      label: { ko: '일반 참가자', en: 'General participant' },
      description: { ko: '총회 전 일정', en: 'All four days' },
      requiresApproval: false,
      feeAmount: 300000,
      feeCurrency: 'KRW',
      open: true,
      full: false,
      viaCode: false,
    },
    {
      id: ids.student,
      label: { ko: '학생', en: 'Student' },
      description: { en: 'With a student card' },
      requiresApproval: true,
      feeAmount: null,
      feeCurrency: null,
      open: true,
      full: true,
      viaCode: false,
    },
  ],
  options: [
    {
      id: ids.clusterTour,
      kind: 'tour',
      label: { ko: '클러스터 투어', en: 'Cluster tour' },
      description: { en: 'Site visits to industrial clusters' },
      startsAt: '2015-11-03T00:00:00.000Z',
      endsAt: '2015-11-03T08:00:00.000Z',
      exclusiveGroup: null,
      full: true,
    },
    {
      id: ids.nightTour,
      kind: 'tour',
      label: { ko: '야간 투어', en: 'Night tour' },
      description: {},
      startsAt: null,
      endsAt: null,
      exclusiveGroup: null,
      full: false,
    },
  ],
  standardFields: {
    localName: { shown: true, required: false },
    jobTitle: { shown: false, required: false },
  },
  questions: [
    {
      id: 'attends_b2b',
      type: 'singleChoice',
      label: { ko: '수출 상담회에 참가하십니까?', en: 'Will you attend the export consultation fair?' },
      help: {},
      required: true,
      choices: [
        { value: 'yes', label: { ko: '예', en: 'Yes' } },
        { value: 'no', label: { ko: '아니요', en: 'No' } },
      ],
      showIf: null,
    },
    {
      id: 'company_sector',
      type: 'text',
      label: { ko: '회사의 업종', en: 'Your company’s sector' },
      help: {},
      required: true,
      choices: [],
      showIf: { questionId: 'attends_b2b', equals: 'yes' },
    },
  ],
  consents: [
    {
      kind: 'privacy',
      version: 2,
      text: { ko: '개인정보를 등록 관리에 씁니다.', en: 'We use your data to run registration.' },
      required: true,
    },
    {
      kind: 'photography',
      version: 1,
      text: { ko: '행사 사진에 나올 수 있습니다.', en: 'You may appear in photos.' },
      required: false,
    },
  ],
  invitationCode: null,
  visaLettersEnabled: true,
};

/** What the form becomes with the invitation code SPEAKER15: a hidden speakers' category. */
export const speakerCategory: RegistrationFormDto['categories'][number] = {
  id: ids.speaker,
  label: { ko: '연사', en: 'Speaker' },
  description: {},
  requiresApproval: false,
  feeAmount: null,
  feeCurrency: null,
  open: true,
  full: false,
  viaCode: true,
};

/** A waitlisted participant who has just been offered a place, until 10 Oct 2015 18:00 in Seoul. */
export const offeredRegistration: MyRegistrationDto = {
  id: ids.registration,
  reference: 'TCI-4821',
  status: 'offered',
  event: {
    id: tci2015.id,
    slug: tci2015.slug,
    title: tci2015.title,
    startsAt: tci2015.startsAt,
    endsAt: tci2015.endsAt,
    timeZone: tci2015.timeZone,
    country: 'KR',
    venueName: tci2015.venueName,
  },
  category: { id: ids.general, label: { ko: '일반 참가자', en: 'General participant' } },
  participant: {
    givenName: 'Priya',
    familyName: 'Sharma',
    localName: null,
    email: 'priya.sharma@example.in',
    organisation: 'Pune Cluster Alliance',
    jobTitle: null,
    country: 'IN',
    phone: '+91 20 2553 0000',
    dietary: 'Vegetarian',
    accessibility: null,
  },
  answers: { attends_b2b: 'no' },
  options: [],
  waitlistPosition: null,
  offerExpiresAt: '2015-10-10T09:00:00.000Z',
  statusReason: null,
  emailVerified: true,
  paymentStatus: 'unpaid',
  fee: { amount: 300000, currency: 'KRW' },
  payment: null,
  ticketCode: null,
  editableFields: ['organisation', 'dietary', 'options'],
  nameCorrection: { open: false, until: null },
  canCancel: true,
  checkedIn: false,
  visaLetter: null,
  visaLettersEnabled: true,
};

export const indiaDelegation: DelegationDto = {
  id: ids.delegation,
  eventId: tci2015.id,
  name: 'Invest India delegation',
  contactName: 'Arjun Mehta',
  contactEmail: 'arjun.mehta@example.in',
  partnerId: null,
  createdAt: '2015-09-01T01:00:00.000Z',
  members: [
    {
      registrationId: ids.member1,
      reference: 'TCI-5001',
      status: 'confirmed',
      givenName: 'Arjun',
      familyName: 'Mehta',
      email: 'arjun.mehta@example.in',
      waitlistPosition: null,
    },
    {
      registrationId: ids.member2,
      reference: 'TCI-5002',
      status: 'waitlisted',
      givenName: 'Kavya',
      familyName: 'Rao',
      email: 'kavya.rao@example.in',
      waitlistPosition: 3,
    },
  ],
};
