import { z } from 'zod';
import { defineTemplate } from './engine';

// Decision notices of the call for papers (modules/papers/decisions.*), sent on release.
const placeholders = z.object({
  title: z.string(),
  decision: z.string(),
  eventName: z.string(),
  link: z.url(),
});
const sample = {
  title: 'Cluster policy after the crisis',
  decision: 'Accepted as oral presentation',
  eventName: '18th TCI Global Conference',
  link: 'https://plenary.example/submissions/sample',
};

export const decisionTemplates = {
  /** An accepted paper: the decision and where to upload the camera-ready version. */
  'papers.decisionAccepted': defineTemplate({
    kind: 'papers.decisionAccepted',
    placeholders,
    sample,
    defaults: {
      en: {
        subject: '{{eventName}}: your submission "{{title}}" was accepted',
        text: 'Dear author,\n\nWe are pleased to tell you the programme committee\'s decision on your submission "{{title}}" to {{eventName}}: {{decision}}.\n\nPlease upload the camera-ready version and confirm that the presenting author will register:\n{{link}}\n\nWith kind regards,\nThe programme committee',
      },
      ko: {
        subject: '{{eventName}}: 제출하신 "{{title}}"이(가) 채택되었습니다',
        text: '저자님께,\n\n{{eventName}}에 제출하신 "{{title}}"에 대한 프로그램 위원회의 결정을 알려 드립니다: {{decision}}.\n\n아래 링크에서 최종본(카메라 레디)을 올리시고 발표 저자의 등록을 확인해 주세요:\n{{link}}\n\n프로그램 위원회 드림',
      },
    },
  }),
  /** A paper not accepted (or another kind that does not accept it). */
  'papers.decisionRejected': defineTemplate({
    kind: 'papers.decisionRejected',
    placeholders,
    sample: { ...sample, decision: 'Not accepted' },
    defaults: {
      en: {
        subject: '{{eventName}}: the decision on your submission "{{title}}"',
        text: 'Dear author,\n\nThank you for submitting "{{title}}" to {{eventName}}. The programme committee\'s decision: {{decision}}.\n\nYou can read it on your submission\'s page:\n{{link}}\n\nWith kind regards,\nThe programme committee',
      },
      ko: {
        subject: '{{eventName}}: 제출하신 "{{title}}"에 대한 결정',
        text: '저자님께,\n\n{{eventName}}에 "{{title}}"을(를) 제출해 주셔서 감사합니다. 프로그램 위원회의 결정: {{decision}}.\n\n제출물 페이지에서 확인하실 수 있습니다:\n{{link}}\n\n프로그램 위원회 드림',
      },
    },
  }),
};
