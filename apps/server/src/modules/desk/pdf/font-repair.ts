/**
 * Rewrites a TrueType font's glyf and loca tables so fontkit (the one pdf-lib uses)
 * can subset it. NanumGothic as shipped has glyphs of odd length and ends its glyf
 * table exactly at its last (empty) glyph. Two fontkit bugs follow:
 * - a subset small enough for the short loca format stores offsets halved, so every
 *   glyph after an odd-length one is misplaced and prints as nothing;
 * - measuring an empty glyph reads a header at its offset, past the end of the
 *   table for the last one (the space), and throws.
 * Padding every glyph to four bytes and ending the table with a zeroed header fixes
 * both, without changing a single outline.
 */
export function repairTrueType(font: Uint8Array): Uint8Array {
  const src = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  const numTables = src.readUInt16BE(4);
  const tables = new Map<string, { offset: number; length: number }>();
  const order: string[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = src.toString('latin1', at, at + 4);
    tables.set(tag, { offset: src.readUInt32BE(at + 8), length: src.readUInt32BE(at + 12) });
    order.push(tag);
  }
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) return font;

  const numGlyphs = src.readUInt16BE(maxp.offset + 4);
  const longLoca = src.readInt16BE(head.offset + 50) === 1;
  const offsetOf = (i: number) =>
    longLoca ? src.readUInt32BE(loca.offset + i * 4) : src.readUInt16BE(loca.offset + i * 2) * 2;

  const pieces: Buffer[] = [];
  const newLoca = Buffer.alloc((numGlyphs + 1) * 4);
  let at = 0;
  for (let g = 0; g < numGlyphs; g++) {
    const start = offsetOf(g);
    const end = offsetOf(g + 1);
    newLoca.writeUInt32BE(at, g * 4);
    const data = src.subarray(glyf.offset + start, glyf.offset + end);
    const padded = (data.length + 3) & ~3;
    pieces.push(data, Buffer.alloc(padded - data.length));
    at += padded;
  }
  newLoca.writeUInt32BE(at, numGlyphs * 4);
  // A zeroed glyph header after the last glyph: what fontkit reads for an empty last glyph.
  pieces.push(Buffer.alloc(12));
  const newGlyf = Buffer.concat(pieces);

  const newHead = Buffer.from(src.subarray(head.offset, head.offset + head.length));
  newHead.writeInt16BE(1, 50); // long loca offsets
  newHead.writeUInt32BE(0, 8); // checkSumAdjustment: recomputed by nobody that reads this copy

  const bodies = new Map<string, Buffer>();
  for (const tag of order) {
    const t = tables.get(tag);
    if (!t) continue;
    if (tag === 'glyf') bodies.set(tag, newGlyf);
    else if (tag === 'loca') bodies.set(tag, newLoca);
    else if (tag === 'head') bodies.set(tag, newHead);
    else bodies.set(tag, src.subarray(t.offset, t.offset + t.length));
  }

  const headerSize = 12 + numTables * 16;
  let total = headerSize;
  for (const body of bodies.values()) total += (body.length + 3) & ~3;
  const out = Buffer.alloc(total);
  src.copy(out, 0, 0, 12);
  let offset = headerSize;
  order.forEach((tag, i) => {
    const body = bodies.get(tag);
    if (!body) return;
    const record = 12 + i * 16;
    out.write(tag, record, 'latin1');
    out.writeUInt32BE(checksum(body), record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(body.length, record + 12);
    body.copy(out, offset);
    offset += (body.length + 3) & ~3;
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function checksum(table: Buffer): number {
  let sum = 0;
  const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}
