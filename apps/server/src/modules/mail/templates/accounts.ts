import { z } from 'zod';
import { defineTemplate } from './engine';

// Mails to participants about their portal account (modules/accounts).
export const accountTemplates = {
  /** The sign-in mail: the code to type and the link to tap, both for the same sign-in. */
  'accounts.signIn': defineTemplate({
    kind: 'accounts.signIn',
    placeholders: z.object({ code: z.string().regex(/^\d{6}$/), link: z.url(), minutes: z.number().int() }),
    sample: { code: '042137', link: 'https://plenary.example/signin/sample-token', minutes: 10 },
    defaults: {
      en: {
        subject: 'Your Plenary sign-in code: {{code}}',
        text: 'Your sign-in code is {{code}}\n\nEnter it on the sign-in page within {{minutes}} minutes, or tap this link on the device you are signing in on:\n{{link}}\n\nIf you did not ask to sign in, ignore this message: nobody can sign in without this code.',
      },
      ko: {
        subject: 'Plenary 로그인 코드: {{code}}',
        text: '로그인 코드는 {{code}} 입니다.\n\n{{minutes}}분 안에 로그인 화면에 입력하거나, 로그인하려는 기기에서 아래 링크를 누르세요:\n{{link}}\n\n로그인을 요청하지 않으셨다면 이 메일을 무시하세요. 이 코드 없이는 아무도 로그인할 수 없습니다.',
      },
    },
  }),
};
