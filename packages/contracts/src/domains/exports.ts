/** Participant list exports (CSV, XLSX). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExportServices {}
