import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import pg from 'pg';

/**
 * What the two baseline servers share: a pool of the real server's size (10),
 * a table of their own for the rows they store (checked after the run), and
 * how they start and stop. Each prints {"port":N} once it listens.
 */
export async function baselineTable(table: 'bench_bare' | 'bench_floor'): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  await pool.query(
    `create table if not exists ${table} (id bigserial primary key, email text not null, body jsonb not null, created_at timestamptz not null default now())`,
  );
  return pool;
}

export function serveBaseline(app: Express, pool: pg.Pool): void {
  const server = app.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
  });
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void pool.end().then(() => process.exit(0));
  });
}
