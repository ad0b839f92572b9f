import { z } from 'zod';
import { dateTime, defineTemplate, localized } from './engine';

// The participant's mails. Every one ends with the link to the registration page and
// the registration number, so the sign-off is written once per language here.
const signoff = {
  ko: '\n\n내 등록 페이지: {{link}}\n등록 번호: {{reference}}',
  en: '\n\nYour registration page: {{link}}\nRegistration number: {{reference}}',
};
const base = {
  eventTitle: localized,
  name: z.string(),
  reference: z.string(),
  link: z.url(),
};
const sampleBase = {
  eventTitle: { ko: '제18차 TCI 글로벌 컨퍼런스', en: '18th TCI Global Conference' },
  name: 'Anna Schmidt',
  reference: 'TCI-7KQ2',
  link: 'https://plenary.example/r/sample-token',
};
const withReason = z.object({ ...base, reason: z.string().nullable().default(null) });
const reasonLine = {
  ko: '{{#if reason}}\n사유: {{reason}}{{/if}}',
  en: '{{#if reason}}\nReason: {{reason}}{{/if}}',
};

export const registrationTemplates = {
  'registration.verify': defineTemplate({
    kind: 'registration.verify',
    placeholders: z.object(base),
    sample: sampleBase,
    defaults: {
      ko: {
        subject: '[{{eventTitle}}] 이메일 주소를 확인해 주세요',
        text: '{{name}}님, 등록해 주셔서 감사합니다.\n\n아래 링크를 열어 이메일 주소를 확인하면 등록이 완료되고 QR 입장권을 받으실 수 있습니다:\n{{link}}\n\n등록 번호: {{reference}}',
      },
      en: {
        subject: '[{{eventTitle}}] Please confirm your email address',
        text: 'Dear {{name}},\n\nThank you for registering. Open this link to confirm your email address; your registration page then shows your QR ticket:\n{{link}}\n\nRegistration number: {{reference}}',
      },
    },
  }),
  'registration.confirmed': defineTemplate({
    kind: 'registration.confirmed',
    placeholders: z.object({ ...base, startsAt: dateTime, endsAt: dateTime }),
    sample: {
      ...sampleBase,
      startsAt: new Date('2026-10-13T00:00:00Z'),
      endsAt: new Date('2026-10-15T09:00:00Z'),
    },
    defaults: {
      ko: {
        subject: '[{{eventTitle}}] 등록이 확정되었습니다',
        text: `{{name}}님, 등록이 확정되었습니다. 현장에서 QR 입장권을 보여 주세요. 입장권은 내 등록 페이지에서 내려받을 수 있습니다.\n\n일정: {{startsAt}} ~ {{endsAt}} (일정 파일을 첨부했습니다)${signoff.ko}`,
      },
      en: {
        subject: '[{{eventTitle}}] Your registration is confirmed',
        text: `Dear {{name}},\n\nYour registration is confirmed. Show your QR ticket at the registration desk; download it from your registration page.\n\nWhen: {{startsAt}} to {{endsAt}} (a calendar file is attached)${signoff.en}`,
      },
    },
  }),
  'registration.pending': defineTemplate({
    kind: 'registration.pending',
    placeholders: z.object(base),
    sample: sampleBase,
    defaults: {
      ko: {
        subject: '[{{eventTitle}}] 등록 신청을 받았습니다',
        text: `{{name}}님, 등록 신청을 받았습니다. 주최 측이 검토한 뒤 결과를 알려 드립니다.${signoff.ko}`,
      },
      en: {
        subject: '[{{eventTitle}}] We received your registration',
        text: `Dear {{name}},\n\nWe received your registration. The organisers will review it and let you know.${signoff.en}`,
      },
    },
  }),
  'registration.waitlisted': defineTemplate({
    kind: 'registration.waitlisted',
    placeholders: z.object({ ...base, waitlistPosition: z.union([z.number().int(), z.literal('-')]) }),
    sample: { ...sampleBase, waitlistPosition: 3 },
    defaults: {
      ko: {
        subject: '[{{eventTitle}}] 대기자 명단에 올랐습니다',
        text: `{{name}}님, 정원이 찼습니다. 대기 순번은 {{waitlistPosition}}번입니다. 자리가 나면 이메일로 알려 드립니다.${signoff.ko}`,
      },
      en: {
        subject: '[{{eventTitle}}] You are on the waiting list',
        text: `Dear {{name}},\n\nThe places are taken. You are number {{waitlistPosition}} on the waiting list; we will email you when a place frees up.${signoff.en}`,
      },
    },
  }),
  'registration.offer': defineTemplate({
    kind: 'registration.offer',
    placeholders: z.object({ ...base, offerDeadline: dateTime }),
    sample: { ...sampleBase, offerDeadline: new Date('2026-10-10T09:00:00Z') },
    defaults: {
      ko: {
        subject: '[{{eventTitle}}] 자리가 났습니다: {{offerDeadline}}까지 수락하세요',
        text: `{{name}}님, 대기하시던 자리가 났습니다. {{offerDeadline}}까지 내 등록 페이지에서 수락하지 않으면 다음 대기자에게 넘어갑니다.${signoff.ko}`,
      },
      en: {
        subject: '[{{eventTitle}}] A place is free for you: accept by {{offerDeadline}}',
        text: `Dear {{name}},\n\nA place has become free for you. Accept it on your registration page by {{offerDeadline}}; after that it passes to the next person on the waiting list.${signoff.en}`,
      },
    },
  }),
  'registration.payment': defineTemplate({
    kind: 'registration.payment',
    placeholders: z.object({ ...base, paymentDeadline: dateTime, instructions: localized }),
    sample: {
      ...sampleBase,
      paymentDeadline: new Date('2026-10-10T09:00:00Z'),
      instructions: { ko: 'IBK기업은행 123-456789-01-012 (한국산업단지공단)', en: 'IBK 123-456789-01-012 (KICOX)' },
    },
    defaults: {
      ko: {
        subject: '[{{eventTitle}}] 등록비 납부를 기다립니다: {{paymentDeadline}}까지',
        text: `{{name}}님, 자리를 확보해 두었습니다. {{paymentDeadline}}까지 등록비를 납부해 주세요. 송금 시 등록 번호 {{reference}}를 적어 주세요. 기한까지 납부가 확인되지 않으면 자리가 다음 분께 넘어갑니다. 납부가 확인되면 QR 입장권을 보내 드립니다.{{#if instructions}}\n\n납부 방법:\n{{instructions}}{{/if}}${signoff.ko}`,
      },
      en: {
        subject: '[{{eventTitle}}] Your place is held until payment: pay by {{paymentDeadline}}',
        text: `Dear {{name}},\n\nYour place is held for you. Please pay the fee by {{paymentDeadline}}, quoting your registration number {{reference}}. If the payment has not been received by then, the place passes to the next person. Your QR ticket comes once the payment is received.{{#if instructions}}\n\nHow to pay:\n{{instructions}}{{/if}}${signoff.en}`,
      },
    },
  }),
  'registration.cancelled': defineTemplate({
    kind: 'registration.cancelled',
    placeholders: withReason,
    sample: { ...sampleBase, reason: 'Asked by the participant' },
    defaults: {
      ko: {
        subject: '[{{eventTitle}}] 등록이 취소되었습니다',
        text: `{{name}}님, 등록이 취소되었습니다.${reasonLine.ko}${signoff.ko}`,
      },
      en: {
        subject: '[{{eventTitle}}] Your registration is cancelled',
        text: `Dear {{name}},\n\nYour registration has been cancelled.${reasonLine.en}${signoff.en}`,
      },
    },
  }),
  'registration.rejected': defineTemplate({
    kind: 'registration.rejected',
    placeholders: withReason,
    sample: { ...sampleBase, reason: null },
    defaults: {
      ko: {
        subject: '[{{eventTitle}}] 등록이 승인되지 않았습니다',
        text: `{{name}}님, 죄송하지만 등록이 승인되지 않았습니다.${reasonLine.ko}${signoff.ko}`,
      },
      en: {
        subject: '[{{eventTitle}}] Your registration was not approved',
        text: `Dear {{name}},\n\nWe are sorry: your registration was not approved.${reasonLine.en}${signoff.en}`,
      },
    },
  }),
  'registration.link': defineTemplate({
    kind: 'registration.link',
    placeholders: z.object(base),
    sample: sampleBase,
    defaults: {
      ko: {
        subject: '[{{eventTitle}}] 내 등록 페이지 링크',
        text: '{{name}}님, 요청하신 등록 페이지 링크입니다:\n{{link}}\n\n등록 번호: {{reference}}',
      },
      en: {
        subject: '[{{eventTitle}}] The link to your registration',
        text: 'Dear {{name}},\n\nHere is the link to your registration page, as asked:\n{{link}}\n\nRegistration number: {{reference}}',
      },
    },
  }),
  'registration.delegation': defineTemplate({
    kind: 'registration.delegation',
    placeholders: z.object({
      eventTitle: localized,
      name: z.string(),
      delegation: z.string(),
      members: z.number().int(),
      link: z.url(),
    }),
    sample: {
      eventTitle: sampleBase.eventTitle,
      name: 'Minji Park',
      delegation: 'Daegu Technopark',
      members: 4,
      link: 'https://plenary.example/d/sample-token',
    },
    defaults: {
      ko: {
        subject: '[{{eventTitle}}] 대표단 "{{delegation}}" 등록',
        text: '{{name}}님, 대표단 "{{delegation}}"의 {{members}}명이 등록되었습니다. 아래 링크에서 대표단을 확인하고 관리할 수 있습니다:\n{{link}}',
      },
      en: {
        subject: '[{{eventTitle}}] Delegation "{{delegation}}" registered',
        text: 'Dear {{name}},\n\n{{members}} members of the delegation "{{delegation}}" are registered. See and manage the delegation here:\n{{link}}',
      },
    },
  }),
};
