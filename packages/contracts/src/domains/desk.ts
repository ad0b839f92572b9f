/** The check-in desk, visa invitation letters, and generated documents (tickets, receipts, badges, letters). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DeskServices {}
