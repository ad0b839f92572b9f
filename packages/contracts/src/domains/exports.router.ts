import { router } from '../trpc';

// Participant list exports (CSV, XLSX).
export const exportsRouter = router({});
