// Measures the JavaScript the first page loads: the entry script(s) and the chunks
// index.html modulepreloads, gzipped (level 9, as Vite reports). Run after `vite build`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

/**
 * The value of one attribute in a tag's text, or null.
 * @param {string} tag
 * @param {string} name
 * @returns {string | null}
 */
function attr(tag, name) {
  const match = new RegExp(`\\s${name}=["']([^"']+)["']`).exec(tag);
  return match ? match[1] : null;
}

/** @type {Set<string>} */
const files = new Set();
for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
  const isEntry = tag.startsWith('<script') && attr(tag, 'type') === 'module' && attr(tag, 'src');
  const isPreload = tag.startsWith('<link') && attr(tag, 'rel') === 'modulepreload';
  const url = isEntry ? attr(tag, 'src') : isPreload ? attr(tag, 'href') : null;
  if (url && !/^(https?:)?\/\//.test(url)) files.add(url.replace(/^\//, ''));
}
if (files.size === 0) {
  console.error('No entry script found in dist/index.html: run `vite build` first.');
  process.exit(1);
}

let rawTotal = 0;
let gzipTotal = 0;
for (const file of files) {
  const bytes = readFileSync(join(dist, file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  rawTotal += bytes.length;
  gzipTotal += gzipped;
  console.log(`${(gzipped / 1024).toFixed(2).padStart(8)} KB gz  ${(bytes.length / 1024).toFixed(2).padStart(8)} KB  ${file}`);
}
console.log(
  `First-load JS: ${(gzipTotal / 1024).toFixed(2)} KB gzipped (${(rawTotal / 1024).toFixed(2)} KB raw, ${files.size} file(s); 1 KB = 1024 bytes)`,
);
