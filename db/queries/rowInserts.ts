import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** The SQL text of each shape of insert met so far (table, columns, rows, what it returns). */
const texts = new Map<string, string>();
/** Shapes kept: a few per table and chunk size; beyond, the oldest is built again when met. */
const keptShapes = 200;

/**
 * Inserts `rows` (each with the columns of the first, in its order; undefined stored as NULL)
 * with one statement whose SQL text is built once per shape and handed to the driver as it is.
 * The query builder would compile every value of every row anew on every call, and on the hot
 * paths of a pulled page (its events, its new cases) that cost as much as storing them; the
 * statement cache (db/statementCache.ts) reuses the prepared statement of a shape met before.
 */
export async function insertRows<R = never>(
  db: Kysely<Database>,
  table: keyof Database,
  rows: readonly object[],
  returning?: string,
): Promise<R[]> {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first);
  const shape = `${table}|${columns.join(',')}|${rows.length}|${returning ?? ''}`;
  let text = texts.get(shape);
  if (text === undefined) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows.length }, () => row).join(', ')}${returning ? ` returning ${returning}` : ''}`;
    texts.set(shape, text);
    if (texts.size > keptShapes) texts.delete(texts.keys().next().value as string);
  }
  const parameters: unknown[] = [];
  for (const r of rows) for (const c of columns) parameters.push((r as Record<string, unknown>)[c] ?? null);
  return (await db.executeQuery<R>(CompiledQuery.raw(text, parameters))).rows;
}
