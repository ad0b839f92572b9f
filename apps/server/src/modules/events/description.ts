import MarkdownIt from 'markdown-it';

/**
 * Event descriptions are organisers' Markdown, shown on the public portal as a
 * small safe subset: paragraphs, line breaks, lists, emphasis and links (http,
 * https, mailto). Raw HTML is escaped (html: false), images, headings, quotes,
 * code and tables stay plain text, and every link is nofollow. Rendered here,
 * on the server, so the portal ships no Markdown library and the server-rendered
 * page and the hydrated one show the same HTML.
 */
const md = new MarkdownIt('zero', { html: false, linkify: false, breaks: true }).enable([
  'paragraph',
  'newline',
  'list',
  'emphasis',
  'link',
  'escape',
  'backticks',
]);

const safeLink = /^(https?:|mailto:)/i;
md.validateLink = (url) => safeLink.test(url.trim());

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function descriptionHtml(markdown: string): string {
  return md.render(markdown);
}
