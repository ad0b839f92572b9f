import type { Locale } from '@plenary/contracts';
import type { RenderedMail } from '../mail/templates';
import { htmlDocument, textToHtml } from '../mail/templates/engine';

/** The sign-in mail: the code to type and the link to tap, both for the same sign-in. */
export function signInMail(p: { code: string; link: string; minutes: number }): Record<Locale, RenderedMail> {
  const withHtml = (lang: Locale, m: { subject: string; text: string }): RenderedMail => ({
    ...m,
    html: htmlDocument(lang, m.subject, textToHtml(m.text)),
  });
  const words: Record<Locale, { subject: string; text: string }> = {
    en: {
      subject: `Your Plenary sign-in code: ${p.code}`,
      text: `Your sign-in code is ${p.code}\n\nEnter it on the sign-in page within ${p.minutes} minutes, or tap this link on the device you are signing in on:\n${p.link}\n\nIf you did not ask to sign in, ignore this message: nobody can sign in without this code.`,
    },
    ko: {
      subject: `Plenary 로그인 코드: ${p.code}`,
      text: `로그인 코드는 ${p.code} 입니다.\n\n${p.minutes}분 안에 로그인 화면에 입력하거나, 로그인하려는 기기에서 아래 링크를 누르세요:\n${p.link}\n\n로그인을 요청하지 않으셨다면 이 메일을 무시하세요. 이 코드 없이는 아무도 로그인할 수 없습니다.`,
    },
  };
  return { en: withHtml('en', words.en), ko: withHtml('ko', words.ko) };
}
