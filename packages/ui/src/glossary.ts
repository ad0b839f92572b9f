/**
 * The product's words (docs/glossary.md): which Korean words the message files
 * must not use. Kept pure (the markdown is passed in) so both apps' tests share it.
 */
export function avoidedWords(glossaryMarkdown: string): Array<{ word: string; use: string }> {
  const out: Array<{ word: string; use: string }> = [];
  for (const line of glossaryMarkdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | thing | English | 한국어 | not | -> ['', thing, en, ko, not, '']
    if (cells.length < 6 || cells[1] === 'thing' || /^-+$/.test(cells[1] ?? '')) continue;
    const use = cells[3] ?? '';
    for (const word of (cells[4] ?? '').split(',').map((w) => w.trim()).filter(Boolean)) out.push({ word, use });
  }
  return out;
}

type Tree = { [key: string]: unknown };

/** Each message (key = dotted path) that uses an avoided word, with the word to use instead. */
export function glossaryViolations(glossaryMarkdown: string, messages: Tree): string[] {
  const words = avoidedWords(glossaryMarkdown);
  const found: string[] = [];
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === 'string') {
        for (const { word, use } of words)
          if (value.includes(word)) found.push(`${prefix}${key}: "${word}" (use "${use}")`);
      } else if (value && typeof value === 'object') walk(value as Tree, `${prefix}${key}.`);
    }
  };
  walk(messages, '');
  return found;
}
