import { router } from '../trpc';

// Partner organisations, their API keys, and the REST API (/api/v1) they call.
export const partnersRouter = router({});
export const apiRouter = router({});
