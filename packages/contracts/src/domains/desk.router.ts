import { router } from '../trpc';

// The check-in desk, visa invitation letters, and generated documents (tickets, receipts, badges, letters).
export const checkInRouter = router({});
export const visaRouter = router({});
export const documentsRouter = router({});
