import type { z } from 'zod';
import {
  DomainError,
  type EventCaller,
  type Locale,
  type Services,
  type templateOverrideInput,
} from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { enqueueMail } from './mail.service';
import {
  deleteOverride,
  deleteSuppression,
  findEventZones,
  findOverrides,
  listSuppressions,
  upsertOverride,
} from './mail.repo';
import {
  isMailKind,
  mailKinds,
  renderTemplate,
  templateOf,
  validateSource,
  type MailKind,
  type MailTemplate,
  type TemplateSource,
} from './templates';

type OverrideInput = z.output<typeof templateOverrideInput>;

/** Previews of the defaults are shown in the zone of the reference events when no event is at hand. */
const PREVIEW_ZONE = 'Asia/Seoul';

function requireKind(kind: string): MailKind {
  if (!isMailKind(kind))
    throw new DomainError('INVALID_INPUT', { key: 'mailKindNotFound' }, { kind: ['No such mail kind'] });
  return kind;
}

function describe(template: MailTemplate, timeZone: string) {
  const source = (l: Locale) => {
    const d = template.defaults[l];
    return { subject: d.subject, text: d.text, html: d.html ?? null };
  };
  const preview = (l: Locale) => renderTemplate(template, template.sample, { locale: l, timeZone });
  return {
    kind: template.kind,
    placeholders: Object.keys(template.placeholders.shape),
    defaults: { ko: source('ko'), en: source('en') },
    previews: { ko: preview('ko'), en: preview('en') },
  };
}

/** Staff's wording checked against the template: unknown placeholders are refused on the field. */
function checkedSource(input: OverrideInput): { template: MailTemplate; source: TemplateSource } {
  const template = templateOf(requireKind(input.kind));
  const source = { subject: input.subject, text: input.text, html: input.html };
  validateSource(template, source);
  return { template, source };
}

export function createMailTemplateServices(
  runtime: Runtime,
): Pick<
  Services['mail'],
  | 'templates'
  | 'eventTemplates'
  | 'previewOverride'
  | 'saveOverride'
  | 'deleteOverride'
  | 'sendTestOverride'
  | 'suppressions'
  | 'unsuppress'
> {
  async function zoneOf(eventId: string): Promise<string> {
    const zone = (await findEventZones(runtime.db, [eventId])).get(eventId);
    if (!zone) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
    return zone;
  }

  function render(input: OverrideInput, timeZone: string) {
    const { template, source } = checkedSource(input);
    return renderTemplate(template, template.sample, { locale: input.locale, timeZone }, source);
  }

  return {
    async templates() {
      return { templates: mailKinds.map((k) => describe(templateOf(k), PREVIEW_ZONE)) };
    },

    async eventTemplates(caller: EventCaller) {
      const timeZone = await zoneOf(caller.eventId);
      const overrides = await findOverrides(runtime.db, caller.eventId);
      const find = (kind: string, locale: Locale) => {
        const o = overrides.find((r) => r.kind === kind && r.locale === locale);
        return o
          ? { subject: o.subject, text: o.textBody, html: o.htmlBody, updatedAt: o.updatedAt.toISOString() }
          : null;
      };
      return {
        templates: mailKinds.map((k) => ({
          ...describe(templateOf(k), timeZone),
          overrides: { ko: find(k, 'ko'), en: find(k, 'en') },
        })),
      };
    },

    async previewOverride(caller, input) {
      return render(input, await zoneOf(caller.eventId));
    },

    async saveOverride(caller, input) {
      const { source } = checkedSource(input);
      await inTransaction(runtime, async ({ tx }) => {
        const before = (await findOverrides(tx, caller.eventId, [input.kind])).find(
          (o) => o.locale === input.locale,
        );
        await upsertOverride(tx, {
          eventId: caller.eventId,
          kind: input.kind,
          locale: input.locale,
          subject: source.subject,
          textBody: source.text,
          htmlBody: source.html ?? null,
          updatedBy: caller.actor.userId,
          updatedAt: runtime.now(),
        });
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'mail.templateSave',
          objectType: 'mail_template',
          objectId: `${input.kind}:${input.locale}`,
          before: before ? { subject: before.subject, text: before.textBody, html: before.htmlBody } : null,
          after: { subject: source.subject, text: source.text, html: source.html ?? null },
        });
      });
    },

    async deleteOverride(caller, input) {
      requireKind(input.kind);
      await inTransaction(runtime, async ({ tx }) => {
        await deleteOverride(tx, { eventId: caller.eventId, kind: input.kind, locale: input.locale });
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'mail.templateReset',
          objectType: 'mail_template',
          objectId: `${input.kind}:${input.locale}`,
        });
      });
    },

    async sendTestOverride(caller, input) {
      // Only to the staff member's own address: a test send must not become a way to mail anyone.
      const mail = render(input, await zoneOf(caller.eventId));
      const to = caller.actor.email;
      const id = await inTransaction(runtime, (uow) =>
        enqueueMail(runtime, uow, {
          to,
          template: `test:${input.kind}`,
          eventId: caller.eventId,
          subject: `[TEST] ${mail.subject}`,
          text: mail.text,
          html: mail.html,
        }),
      );
      return { to, id };
    },

    async suppressions() {
      const rows = await listSuppressions(runtime.db);
      return {
        suppressions: rows.map((r) => ({
          address: r.address,
          reason: r.reason,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },

    async unsuppress(caller, input) {
      await inTransaction(runtime, async ({ tx }) => {
        if (!(await deleteSuppression(tx, input.address)))
          throw new DomainError('NOT_FOUND', { key: 'addressNotSuppressed' }, {
            address: ['Not suppressed'],
          });
        await recordAudit(tx, caller, {
          eventId: null,
          action: 'mail.unsuppress',
          objectType: 'mail_suppression',
          objectId: input.address,
        });
      });
    },
  };
}
