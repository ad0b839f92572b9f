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
  }),  /** To a signatory whose turn has come (issue 13, signing): the link opens the portal's signing page. */
  agreementSigningRequest: defineTemplate({
    kind: 'agreementSigningRequest',
    placeholders: z.object({
      title: localized,
      organisation: localized,
      /** The part asked of them, in the mail's language: signer, approver, witness. */
      role: localized,
      sha256: z.string(),
      link: z.url(),
    }),
    sample: {
      title: { ko: '산업단지 클러스터 협력 양해각서', en: 'MOU on Industrial Cluster Cooperation' },
      organisation: { ko: '한국산업단지공단', en: 'Korea Industrial Complex Corporation (KICOX)' },
      role: { ko: '서명자', en: 'signer' },
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      link: 'https://plenary.example/sign/sample',
    },
    defaults: {
      en: {
        subject: 'Please sign: {{title}}',
        text: 'You are asked to act as {{role}} on behalf of {{organisation}} on {{title}}.\n\nSign in with this email address, review both language versions and sign:\n{{link}}\n\nThe text you will sign has the SHA-256 fingerprint {{sha256}}.',
      },
      ko: {
        subject: '서명 요청: {{title}}',
        text: '{{organisation}}을(를) 대표하여 {{title}}에 {{role}}(으)로 참여해 주십시오.\n\n이 이메일 주소로 로그인하여 한국어와 영어 본문을 검토한 뒤 서명하세요:\n{{link}}\n\n서명할 본문의 SHA-256 지문은 {{sha256}}입니다.',
      },
    },
  }),
};
