import { z } from 'zod';
import { defineTemplate } from './engine';

// Mails of the call for papers (modules/papers).
export const paperTemplates = {
  /** A co-author is named on a submission: they confirm they are an author (or ignore it). */
  'papers.confirmAuthorship': defineTemplate({
    kind: 'papers.confirmAuthorship',
    placeholders: z.object({ title: z.string(), submitter: z.string(), link: z.url() }),
    sample: {
      title: 'Cluster policy after the crisis',
      submitter: 'Jane Doe',
      link: 'https://plenary.example/authorship/sample-token',
    },
    defaults: {
      en: {
        subject: 'Please confirm your authorship: {{title}}',
        text: '{{submitter}} listed you as an author of the submission "{{title}}".\n\nIf you are an author, confirm it with this link:\n{{link}}\n\nIf you are not, ignore this message and tell the submitter.',
      },
      ko: {
        subject: '저자 확인을 부탁드립니다: {{title}}',
        text: '{{submitter}} 님이 제출물 "{{title}}"의 저자로 귀하를 등록했습니다.\n\n저자가 맞다면 아래 링크로 확인해 주세요:\n{{link}}\n\n저자가 아니라면 이 메일을 무시하고 제출자에게 알려 주세요.',
      },
    },
  }),
};
