// What the sign-in page (the console's first page) loads, from the built files: the entry
// script, the chunks index.html modulepreloads, the sign-in view's chunk and every chunk
// those import statically, and the stylesheets; gzipped (level 9, as Vite reports) and
// brotli (what the server sends a browser that asks for it). Run after `vite build`.
//   node apps/admin/scripts/measure-first-load.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('No dist/index.html: run `vite build` first.');
  process.exit(1);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
/** @type {Set<string>} */
const files = new Set();
for (const [, url] of html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.(?:js|css))"/g)) files.add(url);
const signIn = readdirSync(join(dist, 'assets')).find((f) => /^LoginView-.*\.js$/.test(f));
if (signIn) files.add(`assets/${signIn}`);
// Static imports of every script taken so far (dynamic import() is not followed).
const queue = [...files].filter((f) => f.endsWith('.js'));
while (queue.length) {
  const file = /** @type {string} */ (queue.pop());
  const code = readFileSync(join(dist, file), 'utf8');
  for (const [, rel] of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{},\s]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    const next = `assets/${rel}`;
    if (files.has(next)) continue;
    files.add(next);
    queue.push(next);
  }
}
/** @type {Record<'js' | 'css', [number, number, number]>} */
const totals = { js: [0, 0, 0], css: [0, 0, 0] };
for (const file of [...files].sort()) {
  const bytes = readFileSync(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes).length;
  const t = totals[file.endsWith('.css') ? 'css' : 'js'];
  t[0] += bytes.length;
  t[1] += gz;
  t[2] += br;
  console.log(`${(gz / 1024).toFixed(2).padStart(8)} KB gz ${(br / 1024).toFixed(2).padStart(8)} KB br ${(bytes.length / 1024).toFixed(2).padStart(9)} KB  ${file}`);
}
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`Sign-in page JS: ${kb(totals.js[1])} gzipped, ${kb(totals.js[2])} brotli (${kb(totals.js[0])} raw); CSS ${kb(totals.css[1])} gzipped; ${files.size} files`);
