import type { AddressInfo } from 'node:net';
import express from 'express';
import pg from 'pg';

/**
 * The baseline: a bare Express 5 + pg endpoint that stores the same request
 * body with one INSERT, with the real server's pool size (10). What the real
 * registration costs above this is Plenary's own work: validation, locks,
 * capacity counts, audit, mail outbox.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(
  'create table if not exists bench_bare (id bigserial primary key, email text not null, body jsonb not null, created_at timestamptz not null default now())',
);

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/bare', async (req, res) => {
  const body = req.body as { participant?: { email?: string } };
  const { rows } = await pool.query<{ id: string }>(
    'insert into bench_bare (email, body) values ($1, $2) returning id',
    [body.participant?.email ?? '', JSON.stringify(body)],
  );
  res.json({ id: rows[0]?.id, status: 'confirmed' });
});

const server = app.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
