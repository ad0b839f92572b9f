import { desc, eq, schema } from '@plenary/db';
import type { PersonActor } from '@plenary/contracts';
import { resolvePersonSession } from '../modules/accounts/person-sessions';
import { cookieJar, type TestHarness } from './harness';

/** The newest sign-in mail to an address: its code and its link's token. */
export async function lastSignInMail(
  h: TestHarness,
  email: string,
): Promise<{ code: string; token: string; text: string }> {
  const [mail] = await h.runtime.db
    .select({ text: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    // Mail goes to the normalised address, whatever case was typed.
    .where(eq(schema.mailOutbox.toAddress, email.trim().toLowerCase()))
    .orderBy(desc(schema.mailOutbox.createdAt))
    .limit(1);
  const text = mail?.text ?? '';
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  const token = /\/signin\/([\w-]+)/.exec(text)?.[1];
  if (!code || !token) throw new Error(`no sign-in mail to ${email}`);
  return { code, token, text };
}

/** Signs a participant in through the real procedures (code mailed, code typed); answers the session. */
export async function signInPerson(
  h: TestHarness,
  email: string,
  ip = '203.0.113.7',
): Promise<{ token: string; person: PersonActor }> {
  await h.caller(null, { ip }).accounts.requestCode({ email, locale: 'en' });
  const { code } = await lastSignInMail(h, email);
  const jar = cookieJar();
  await h.caller(null, { ip }, { personCookie: jar }).accounts.verifyCode({ email, code });
  const person = await resolvePersonSession(h.runtime, jar.token ?? undefined);
  if (!jar.token || !person) throw new Error('sign-in did not set a person session');
  return { token: jar.token, person };
}
