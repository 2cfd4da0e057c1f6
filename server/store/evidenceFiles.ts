import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { renameDurably, writeFileDurably } from '../../core/backup/dataFiles.ts';
import type { ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

/**
 * Where a site's evidence bytes live: files under `folder/<site>/<ab>/<sha256>` (the SQLite
 * server's data folder), or the `content` column of their row (PostgreSQL, or no folder given).
 * A file is written, flushed and renamed into place before its row commits: a crash between the
 * two leaves a file no row names, which the desk's next upload writes again.
 */
export function evidenceFiles(folder: string | undefined) {
  const fileOf = (siteId: number, sha256: string) => (folder ? path.join(folder, String(siteId), sha256.slice(0, 2), sha256) : null);
  return {
    /** The bytes to store in the row: none when they went to a file. */
    write(siteId: number, sha256: string, bytes: Buffer): Buffer | null {
      const file = fileOf(siteId, sha256);
      if (!file) return bytes;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
      writeFileDurably(temp, bytes);
      renameDurably(temp, file);
      return null;
    },
    /** Deletes a file's bytes from the folder (a removal); its row says when. */
    remove(siteId: number, sha256: string): void {
      const file = fileOf(siteId, sha256);
      if (file) fs.rmSync(file, { force: true });
    },
    /** The bytes, null when the site holds no such file, or `removed` when a removal deleted them. */
    async read(db: Db, siteId: number, sha256: string): Promise<Buffer | null | 'removed'> {
      const row = await db
        .selectFrom('evidence')
        .select(['content', 'removed_at'])
        .where('site_id', '=', siteId)
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      if (!row) return null;
      if (row.removed_at) return 'removed';
      if (row.content) return Buffer.from(row.content);
      const file = fileOf(siteId, sha256);
      return file ? fs.readFileSync(file) : null;
    },
  };
}

export const evidenceHeld = (db: Db, siteId: number, sha256: string) =>
  db
    .selectFrom('evidence')
    .select(['size', 'case_id', 'removed_at'])
    .where('site_id', '=', siteId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();

export const insertEvidence = (db: Db, row: ServerDatabase['evidence']) =>
  db
    .insertInto('evidence')
    .values(row)
    .onConflict((oc) => oc.columns(['site_id', 'sha256']).doNothing())
    .execute();

/** Whether one of the case's events names the file: the desk may only store what its site's cases hold. */
export async function caseNamesFile(db: Db, caseId: string, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('events')
    .select('seq')
    .where('case_id', '=', caseId)
    .where('body', 'like', `%${sha256}%`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
