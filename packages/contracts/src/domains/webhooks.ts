/** Webhook subscriptions of partners and the delivery log. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WebhookServices {}
