import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '@plenary/contracts';
import { calendarAttachment } from '../calendar';
import { mailKinds, mailTemplates, renderTemplate, templateOf } from './index';

// Every mail kind in both languages, with the sample values and a fixed event in
// Asia/Seoul, compared with the committed files in __snapshots__/. A kind added to
// the registry without its files fails here (write them with `vitest -u` and read them).
const dir = join(import.meta.dirname, '__snapshots__');
const updating = () =>
  (expect.getState().snapshotState as unknown as { _updateSnapshot?: string })._updateSnapshot === 'all';

function snapshotFile(name: string): string {
  const file = join(dir, name);
  if (!existsSync(file) && !updating())
    throw new Error(`No snapshot ${name}: render it with \`vitest -u\` and commit the file after reading it`);
  return file;
}

describe('every mail kind renders in Korean and English (Asia/Seoul)', () => {
  for (const kind of mailKinds)
    for (const locale of locales)
      it(`${kind} in ${locale}`, async () => {
        const t = templateOf(kind);
        const mail = renderTemplate(t, t.sample, { locale, timeZone: 'Asia/Seoul' });
        const file = `${kind}.${locale}.txt`;
        await expect(
          `Subject: ${mail.subject}\n\n${mail.text}\n\n----- HTML -----\n${mail.html}`,
        ).toMatchFileSnapshot(snapshotFile(file));
      });

  it('the confirmation’s calendar file', async () => {
    const { startsAt, endsAt } = mailTemplates['registration.confirmed'].sample;
    const ics = calendarAttachment({
      uid: 'event-sample@plenary',
      summary: '18th TCI Global Conference',
      start: startsAt,
      end: endsAt,
      location: 'EXCO',
      url: 'https://plenary.example/r/sample-token',
      stamp: new Date('2026-09-01T00:00:00Z'),
    });
    expect([ics.filename, ics.contentType]).toEqual([
      'event.ics',
      'text/calendar; charset=utf-8; method=PUBLISH',
    ]);
    await expect(ics.content).toMatchFileSnapshot(snapshotFile('registration.confirmed.ics'));
  });
});
