/** A generated file, carried as base64 so both transports (IPC and HTTP JSON) can hand it over. */
export interface ExportedFile {
  fileName: string;
  base64: string;
  /** data rows written (projects or problems), for the clerk's confirmation message */
  rows: number;
}
