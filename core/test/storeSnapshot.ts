import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { storeFileName } from '../../db/connection.ts';

/** Row counts of every table, read through a second connection: what "nothing was written" means. */
export function rowCounts(dataDir: string): Record<string, number> {
  const db = new Sqlite(path.join(dataDir, storeFileName), { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search_%'")
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}
