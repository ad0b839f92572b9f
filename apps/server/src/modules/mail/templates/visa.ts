import { z } from 'zod';
import { defineTemplate, localized } from './engine';

const placeholders = z.object({
  name: z.string(),
  /** The event's name as it reads inside a sentence ("the 18th TCI Global Conference"). */
  eventName: localized,
  reason: z.string().nullable().default(null),
});
const sample = {
  name: 'Anna Schmidt',
  eventName: { ko: '제18차 TCI 글로벌 컨퍼런스', en: 'the 18th TCI Global Conference' },
};

// The participant learns the outcome of their visa letter request.
export const visaTemplates = {
  'visa.approved': defineTemplate({
    kind: 'visa.approved',
    placeholders,
    sample: { ...sample, reason: null },
    defaults: {
      en: {
        subject: 'Your visa invitation letter for {{eventName}} is ready',
        text: 'Dear {{name}},\n\nYour request for a visa invitation letter for {{eventName}} has been approved.\n\nDownload the letter from your registration page: open the link in your registration email.{{#if reason}}\n\nNote from the organiser: {{reason}}{{/if}}',
      },
      ko: {
        subject: '{{eventName}} 비자 초청장이 발급되었습니다',
        text: '{{name}}님,\n\n{{eventName}} 비자 초청장 요청이 승인되었습니다.\n\n등록 확인 메일의 링크로 등록 페이지를 열어 초청장을 내려받으세요.{{#if reason}}\n\n주최 측 메모: {{reason}}{{/if}}',
      },
    },
  }),
  'visa.rejected': defineTemplate({
    kind: 'visa.rejected',
    placeholders,
    sample: { ...sample, reason: 'The passport number does not match the copy' },
    defaults: {
      en: {
        subject: 'Your visa invitation letter request for {{eventName}}',
        text: 'Dear {{name}},\n\nWe cannot issue a visa invitation letter for {{eventName}} on the request you sent.\n\nReason: {{reason}}\n\nYou may send a corrected request from your registration page (the link in your registration email).',
      },
      ko: {
        subject: '{{eventName}} 비자 초청장 요청 결과',
        text: '{{name}}님,\n\n보내 주신 요청으로는 {{eventName}} 비자 초청장을 발급할 수 없습니다.\n\n사유: {{reason}}\n\n등록 확인 메일의 링크로 등록 페이지를 열어 내용을 고쳐 다시 요청할 수 있습니다.',
      },
    },
  }),
};
