import { CompiledQuery as Compiled, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** What kysely compiles: a query builder, or an `sql` template (which compiles against the database). */
interface Compilable<R> {
  compile(db: Kysely<Database>): CompiledQuery<R>;
}

interface Kept {
  sql: string;
  /** Per parameter: the name of the value it takes, or null for a constant of the query. */
  names: readonly (string | null)[];
  constants: readonly unknown[];
}

const standInPrefix = '\u0000value:';

/**
 * A query written with kysely, built and compiled on its first run, then run with new values:
 * for the statements every case write runs (registration runs about twenty), where building and
 * compiling a query anew cost more than SQLite's running it. The text is the same string every
 * time, so the statement cache finds its prepared statement without reading a new text.
 *
 * `build` receives stand-ins for the values, by name. They may be used only as values (compared,
 * inserted, set), never to choose the query's shape: the shape is built once. A stand-in that
 * does not reach the compiled parameters (used in a condition, or inside a longer string) fails
 * the first run. A value passed as undefined is bound as NULL.
 */
export function compiledOnce<V extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, values: V) => Compilable<R>,
): (db: Kysely<Database>, values: V) => Promise<R[]> {
  let kept: Kept | undefined;
  return async (db, values) => {
    kept ??= compile(db, build);
    const { names, constants } = kept;
    const parameters = names.map((name, i) => (name === null ? constants[i] : (values[name] ?? null)));
    return (await db.executeQuery(Compiled.raw(kept.sql, parameters) as CompiledQuery<R>)).rows;
  };
}

function compile<V extends Record<string, unknown>, R>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, values: V) => Compilable<R>,
): Kept {
  const used = new Set<string>();
  const standIns = new Proxy({} as V, {
    get(_, name) {
      if (typeof name !== 'string') return undefined;
      used.add(name);
      return `${standInPrefix}${name}`;
    },
  });
  const compiled = build(db, standIns).compile(db);
  const names = compiled.parameters.map((p) =>
    typeof p === 'string' && p.startsWith(standInPrefix) ? p.slice(standInPrefix.length) : null,
  );
  for (const name of used) {
    if (!names.includes(name)) throw new Error(`compiledOnce: the value ${name} shapes the query instead of being one of its values`);
  }
  return { sql: compiled.sql, names, constants: compiled.parameters };
}
