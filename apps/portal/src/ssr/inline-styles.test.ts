import { describe, expect, it } from 'vitest';
import { inlineStyles, shellStyles } from './inline-styles';

const shell = '<head>\n    <link rel="stylesheet" crossorigin href="/assets/index-A1.css">\n</head>';
const page = `${shell.replace('</head>', '<link rel="stylesheet" crossorigin href="/assets/RegisterView-B2.css">\n</head>')}`;
const files: Record<string, string> = {
  'assets/index-A1.css': 'body{margin:0}',
  'assets/RegisterView-B2.css': '.form{gap:8px}',
};

describe('inlineStyles', () => {
  it('writes the shell stylesheet into the page and leaves a lazy page its link, blocking nothing', () => {
    expect(inlineStyles(page, shellStyles(shell), (f) => files[f] ?? null)).toBe(
      '<head>\n    <style data-file="/assets/index-A1.css">body{margin:0}</style>\n' +
        '<style data-file="/assets/RegisterView-B2.css">.form{gap:8px}</style>' +
        '<link rel="stylesheet" crossorigin href="/assets/RegisterView-B2.css" media="not all">\n</head>',
    );
  });

  it('keeps the link of a file it cannot read, and cannot be closed early by the CSS', () => {
    expect(inlineStyles(page, new Set(['assets/index-A1.css']), (f) => (f === 'assets/index-A1.css' ? 'a::after{content:"</style>"}' : null))).toBe(
      '<head>\n    <style data-file="/assets/index-A1.css">a::after{content:"<\\/style>"}</style>\n' +
        '<link rel="stylesheet" crossorigin href="/assets/RegisterView-B2.css">\n</head>',
    );
  });
});
