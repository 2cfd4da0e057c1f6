/** The shape of an export, shared by the writer and the importer. */

export const exportApp = 'complaint-desk';
export const exportFormat = 1;

export interface ExportColumn {
  name: string;
  type: string;
}

export interface ExportHeader {
  app: typeof exportApp;
  kind: 'export' | 'export-csv';
  format: typeof exportFormat;
  schemaVersion: number;
  exportedAt: string;
  orgName: string | null;
  deviceId: string | null;
}

/** JSON export: one file, each table's columns and its rows as arrays in column order. */
export interface JsonExport extends ExportHeader {
  kind: 'export';
  tables: Record<string, { columns: ExportColumn[]; rows: unknown[][] }>;
}

/** CSV export: a folder of `<table>.csv` files and this manifest, which keeps the column types. */
export interface CsvExportManifest extends ExportHeader {
  kind: 'export-csv';
  /**
   * `apostrophe`: texts that a spreadsheet would run as a formula (or that start with an
   * apostrophe) were written with one more leading apostrophe, which the import takes away
   * (core/data/csv.ts guardText). Absent in exports written before the desk did this.
   */
  textGuard?: 'apostrophe';
  tables: Record<string, { file: string; columns: ExportColumn[]; rows: number }>;
  /** Each table's file is sealed (`.csv.enc`); this manifest holds no personal data and stays readable. */
  sealed?: true;
}

/**
 * Columns an export never carries, with what the import puts in their place: an export leaves
 * the desk (a USB stick, an e-mail), and the accounts' password hashes stay behind. Imported
 * accounts have no password until given one (the administrator at the import, the others by
 * the administrator's reset).
 */
export const secretColumns: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  users: { password_hash: '' },
  // The desk's signing key is its identity on the sync server: a copy elsewhere must enrol anew.
  sync_config: { private_key: '' },
};

export const isSecretColumn = (table: string, column: string) => secretColumns[table]?.[column] !== undefined;

/** A BLOB in JSON, which has no bytes. */
export interface EncodedBytes {
  $base64: string;
}
