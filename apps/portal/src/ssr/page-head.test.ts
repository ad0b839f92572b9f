import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, pageHead, summary } from './page-head';

describe('page head', () => {
  it('escapes every character that could end an attribute or an element', () => {
    expect(escapeHtml(`"><script>alert('x')</script>&`)).toBe(
      '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;',
    );
  });

  it('writes JSON that no value can close the script element with, and that parses back unchanged', () => {
    const value = { description: '</script><!-- <script>alert(1)</script> & \u2028' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('names the page in both languages and leaves a missing page unindexed', () => {
    const base = { origin: 'https://plenary.example', path: '/events/x', title: 'X · Plenary', description: 'About X', event: null };
    const head = pageHead({ ...base, locale: 'ko', indexable: true });
    expect(head).toContain('<link rel="canonical" href="https://plenary.example/events/x?lang=ko">');
    expect(head).toContain('<link rel="alternate" hreflang="en" href="https://plenary.example/events/x?lang=en">');
    expect(head).toContain('<meta property="og:locale" content="ko_KR">');
    const missing = pageHead({ ...base, locale: 'en', indexable: false });
    expect(missing).toBe('<title>X · Plenary</title>\n    <meta name="description" content="About X">\n    <meta name="robots" content="noindex">');
  });

  it('cuts a long description at a word, near 160 characters', () => {
    const text = `${'word '.repeat(40)}`;
    const cut = summary(text);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith('word…')).toBe(true);
    expect(summary('  short \n text ')).toBe('short text');
  });
});
