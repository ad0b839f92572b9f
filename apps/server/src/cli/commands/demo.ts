import { Command } from 'commander';
import { loadDemo, type DemoReport } from '../../demo/load-demo';
import { demoEvents, tciOrganisations } from '../../demo/tci-2015';
import { output, withRuntime, type Output } from '../run';

function titleOf(slug: string): string {
  return demoEvents.find((e) => e.input.slug === slug)?.input.title.en ?? slug;
}

function describe(out: Output, report: DemoReport, adminUrl: string) {
  const { users, events, memberships, registration: r } = report.created;
  const registrationAdded = Object.values(r).reduce<number>((a, b) => a + Number(b), 0);
  if (users.length + events.length + memberships.length + registrationAdded === 0) {
    out.say('The demo data is already loaded: nothing was added.');
  }
  if (users.length) {
    out.say(`Created ${users.length} staff account${users.length === 1 ? '' : 's'}:`);
    for (const u of users) out.say(`  ${u.email.padEnd(38)} ${u.displayName}`);
  }
  if (events.length) {
    out.say('Created events:');
    for (const e of events) out.say(`  ${e.slug.padEnd(10)} ${e.status.padEnd(10)} ${titleOf(e.slug)}`);
    out.say('  Organisers and partners, named in the descriptions:');
    for (const role of ['host', 'co-organiser', 'partner', 'next host'] as const) {
      const names = tciOrganisations.filter((o) => o.role === role).map((o) => o.name.en);
      out.say(`    ${role.padEnd(13)} ${names.join('; ')}`);
    }
  }
  if (memberships.length) {
    out.say('Added to the teams:');
    for (const m of memberships) out.say(`  ${m.slug.padEnd(10)} ${m.role.padEnd(16)} ${m.email}`);
    const invited = memberships.filter((m) => m.role !== 'owner' || m.email !== report.ownerEmail).length;
    if (invited)
      out.say(
        `  (${invited} invitation${invited === 1 ? '' : 's'} accepted; the mails are in the outbox, not sent)`,
      );
  }
  if (r.categories || r.participants) {
    out.say(
      `Registration of tci-2015: ${r.categories} categories, ${r.options} options (7 cluster tours among them), ` +
        `${r.participants} participants and ${r.delegations} delegation registered at the desk; ` +
        `${r.cancelled} cancelled, ${r.payments} payments recorded, ${r.checkIns} checked in`,
    );
  }
  for (const slug of report.skippedEvents)
    out.say(`Left alone: an event "${slug}" exists that the demo owner does not own.`);
  out.say();
  out.say(
    `Sign in at ${adminUrl} as ${report.ownerEmail} (or any demo account) with the password ${report.password}`,
  );
  out.say('The demo accounts share this published password: do not load the demo on a live instance.');
}

export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'load the reference event (18th TCI Global Conference, Daegu 2015) with its team and a draft 2016 edition; safe to run again',
    )
    .option('--json', 'print one JSON object with the new ids (nothing else on stdout)')
    .action(async (options: { json?: boolean }) => {
      const out = output(options);
      const { report, adminUrl } = await withRuntime(out, async (runtime) => ({
        report: await loadDemo(runtime),
        adminUrl: `${runtime.config.publicUrl}/admin/`,
      }));
      describe(out, report, adminUrl);
      out.result(report);
    });
}
