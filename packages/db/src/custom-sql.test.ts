import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from './client';

/**
 * The hand-written data migrations keep a copy in packages/db/custom/, because several
 * were merged into one migration file and tests run each on its own (organisations,
 * audit actors, files). A test of a copy proves the migration only while the two agree:
 * this holds every copy to the text the migrations actually run.
 */
const customFolder = new URL('../custom/', import.meta.url);
const migrations = readdirSync(migrationsFolder())
  .filter((f) => f.endsWith('.sql'))
  .map((f) => readFileSync(`${migrationsFolder()}/${f}`, 'utf8'));

describe('custom SQL copies', () => {
  const copies = readdirSync(customFolder).filter((f) => f.endsWith('.sql'));

  it.each(copies)('%s is run, word for word, by a migration', (file) => {
    const copy = readFileSync(new URL(file, customFolder), 'utf8').trim();
    expect(migrations.some((m) => m.includes(copy))).toBe(true);
  });
});
