/** Partner organisations, their API keys, and the REST API (/api/v1) they call. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PartnerServices {}
