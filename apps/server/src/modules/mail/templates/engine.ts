import Handlebars from 'handlebars';
import { z } from 'zod';
import { DomainError, pickLocale, type Locale, type LocalizedText } from '@plenary/contracts';

/**
 * Mail templates are Handlebars sources kept to the logic-less part of the language:
 * `{{name}}` and `{{#if name}}...{{else}}...{{/if}}` / `{{#unless name}}` on declared
 * placeholders, nothing else (no partials, no other helpers, no `{{{raw}}}` in HTML), so
 * an override staff write cannot reach anything the template did not declare.
 */
const hbs = Handlebars.create();

/** One language of a template: subject and plain text always; HTML optional (derived from the text when absent). */
export interface TemplateSource {
  subject: string;
  text: string;
  html?: string | null | undefined;
}

export interface MailTemplate<P extends z.ZodObject = z.ZodObject> {
  kind: string;
  /** The placeholders, type-checked where the code sends the mail and parsed again at render. */
  placeholders: P;
  /** Sample values for previews and snapshots: what the admin shows for the default. */
  sample: z.input<P>;
  defaults: Record<Locale, TemplateSource>;
}

export function defineTemplate<P extends z.ZodObject>(t: MailTemplate<P>): MailTemplate<P> {
  return t;
}

/** A date-time placeholder: printed in the event's zone, with the zone named. */
export const dateTime = z.date();
/** Text given in both languages; the recipient's is picked. */
export const localized = z.object({ ko: z.string().optional(), en: z.string().optional() });

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface RenderContext {
  locale: Locale;
  /** IANA zone of the event (dates are shown in it); UTC when the mail belongs to no event. */
  timeZone: string;
}

const allowedBlocks = new Set(['if', 'unless']);

/** The placeholder names a source uses; throws a message naming the first construct not allowed. */
export function placeholdersUsed(source: string, html: boolean): string[] {
  const names = new Set<string>();
  const ast = hbs.parse(source);
  const pathName = (p: hbs.AST.Expression): string => {
    if (p.type !== 'PathExpression') throw new Error(`Only placeholder names may be used, not ${p.type}`);
    const path = p as hbs.AST.PathExpression;
    if (path.data || path.parts.length !== 1 || path.depth > 0)
      throw new Error(`Unknown placeholder {{${path.original}}}`);
    return path.parts[0] as string;
  };
  const walk = (node: hbs.AST.Node): void => {
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) walk(child);
        return;
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (m.params.length || m.hash)
          throw new Error(`Helpers are not allowed: {{${pathOriginal(m.path)} ...}}`);
        if (html && !m.escaped)
          throw new Error(`Unescaped {{{${pathOriginal(m.path)}}}} is not allowed in HTML`);
        names.add(pathName(m.path));
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const helper = pathOriginal(b.path);
        if (!allowedBlocks.has(helper) || b.params.length !== 1 || b.hash)
          throw new Error(`Only {{#if name}} and {{#unless name}} blocks are allowed, not {{#${helper}}}`);
        names.add(pathName(b.params[0] as hbs.AST.Expression));
        walk(b.program);
        if (b.inverse) walk(b.inverse);
        return;
      }
      default:
        throw new Error(`Not allowed in a mail template: ${node.type}`);
    }
  };
  walk(ast);
  return [...names];
}

function pathOriginal(e: hbs.AST.Expression): string {
  return e.type === 'PathExpression' ? (e as hbs.AST.PathExpression).original : e.type;
}

/**
 * Checks a staff-written source against the template's placeholders: an unknown
 * placeholder or construct is an INVALID_INPUT naming the field.
 */
export function validateSource(template: MailTemplate, source: TemplateSource, fieldPrefix = ''): void {
  const known = new Set(Object.keys(template.placeholders.shape));
  const errors: Record<string, string[]> = {};
  for (const field of ['subject', 'text', 'html'] as const) {
    const text = source[field];
    if (text == null) continue;
    try {
      const unknown = placeholdersUsed(text, field === 'html').filter((n) => !known.has(n));
      if (unknown.length)
        errors[`${fieldPrefix}${field}`] = unknown.map((n) => `Unknown placeholder {{${n}}}`);
    } catch (err) {
      errors[`${fieldPrefix}${field}`] = [err instanceof Error ? err.message : String(err)];
    }
  }
  if (Object.keys(errors).length) throw new DomainError('INVALID_INPUT', { key: 'templateHasErrors' }, errors);
}

const dateFormats: Record<Locale, Intl.DateTimeFormatOptions> = {
  en: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
  ko: {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
};

/** "10 Oct 2026, 18:00 (Asia/Seoul)" / "2026년 10월 10일 18:00 (Asia/Seoul)". */
export function formatDateTime(at: Date, ctx: RenderContext): string {
  const text = new Intl.DateTimeFormat(ctx.locale === 'ko' ? 'ko-KR' : 'en-GB', {
    ...dateFormats[ctx.locale],
    timeZone: ctx.timeZone,
  }).format(at);
  return `${text} (${ctx.timeZone})`;
}

function isLocalized(v: unknown): v is LocalizedText {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && ('ko' in v || 'en' in v);
}

/** The values as the template prints them: dates in the zone, bilingual text in the recipient's language. */
function printable(values: Record<string, unknown>, ctx: RenderContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(values)) {
    if (v instanceof Date) out[key] = formatDateTime(v, ctx);
    else if (isLocalized(v)) out[key] = pickLocale(v, ctx.locale);
    else out[key] = v;
  }
  return out;
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();
function compile(source: string, escape: boolean): HandlebarsTemplateDelegate {
  const key = `${escape ? 'h' : 't'}:${source}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = hbs.compile(source, { noEscape: !escape, strict: false, knownHelpersOnly: true });
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, fn);
  }
  return fn;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Plain text to HTML: escaped, paragraphs kept, links made clickable. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => {
      const body = escapeHtml(para)
        .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
        .replace(/\n/g, '<br>\n');
      return `<p>${body}</p>`;
    })
    .join('\n');
}

export function htmlDocument(lang: Locale, subject: string, body: string): string {
  return `<!doctype html>\n<html lang="${lang}">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body style="font-family:sans-serif;line-height:1.5">\n${body}\n</body>\n</html>\n`;
}

/**
 * Renders one template in one language. The values are parsed with the template's
 * schema (a wrong value fails here rather than mailing "undefined"); the source is
 * the override when staff wrote one, else the default of the language.
 */
export function renderTemplate<P extends z.ZodObject>(
  template: MailTemplate<P>,
  values: z.input<P>,
  ctx: RenderContext,
  override?: TemplateSource | null,
): RenderedMail {
  const parsed = template.placeholders.parse(values) as Record<string, unknown>;
  const vars = printable(parsed, ctx);
  const source = override ?? template.defaults[ctx.locale];
  const subject = compile(
    source.subject,
    false,
  )(vars)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  const text = compile(source.text, false)(vars);
  const htmlBody = source.html ? compile(source.html, true)(vars) : textToHtml(text);
  return { subject, text, html: htmlDocument(ctx.locale, subject, htmlBody) };
}
