import { router } from '../trpc';

// Webhook subscriptions of partners and the delivery log.
export const webhooksRouter = router({});
