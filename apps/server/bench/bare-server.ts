import express from 'express';
import { baselineTable, serveBaseline } from './baseline';

/**
 * The baseline: a bare Express 5 + pg endpoint that stores the same request
 * body with one INSERT, with the real server's pool size (10). What the real
 * registration costs above this is Plenary's own work: validation, locks,
 * capacity counts, audit, mail outbox.
 */
const pool = await baselineTable('bench_bare');

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

serveBaseline(app, pool);
