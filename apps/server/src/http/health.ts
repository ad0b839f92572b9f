import { Router } from 'express';
import { migrationStatus, type Database } from '@plenary/db';

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. */
export function healthRoutes(database: Database, isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down' });
      return;
    }
    try {
      const status = await migrationStatus(database);
      const ready = status.pending === 0;
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'migrations-pending', engine: database.engine, migrations: status });
    } catch (err) {
      res.status(503).json({ status: 'database-unreachable', error: err instanceof Error ? err.message : String(err) });
    }
  });
  return router;
}
