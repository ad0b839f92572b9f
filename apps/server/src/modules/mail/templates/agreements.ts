import { z } from 'zod';
import { defineTemplate, localized } from './engine';

// Mails about agreements (issue 13): to the staff user who answers for one.
export const agreementTemplates = {
  agreementExpiryReminder: defineTemplate({
    kind: 'agreementExpiryReminder',
    placeholders: z.object({
      title: localized,
      expiresOn: z.string(),
      days: z.number().int(),
      link: z.url(),
    }),
    sample: {
      title: { ko: '산업단지 클러스터 협력 양해각서', en: 'MOU on Industrial Cluster Cooperation' },
      expiresOn: '2018-10-14',
      days: 60,
      link: 'https://plenary.example/admin/events/sample/agreements/sample',
    },
    defaults: {
      en: {
        subject: '{{title}} expires on {{expiresOn}}',
        text: '{{title}} expires on {{expiresOn}} (in {{days}} days or less).\n\nDecide whether to renew it, and tell the other parties:\n{{link}}',
      },
      ko: {
        subject: '{{title}} 만료 예정({{expiresOn}})',
        text: '{{title}}이(가) {{expiresOn}}에 만료됩니다({{days}}일 이내).\n\n갱신 여부를 정하고 상대 기관에 알려 주세요:\n{{link}}',
      },
    },
  }),
};
