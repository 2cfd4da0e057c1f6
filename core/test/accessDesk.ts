import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { storeFileName } from '../../db/connection.ts';
import type { DeskInput, DeskMethod, DeskOutput } from '../../domain/api/deskApi.ts';
import type { Envelope } from '../../domain/api/envelope.ts';
import { openTestDesk } from './testDesk.ts';

/** A desk with an administrator and helpers to act as other people on it. */
export async function openAccessDesk(options: Parameters<typeof openTestDesk>[0] = {}) {
  const t = await openTestDesk(options);
  const adminLogin = await t.setupAndLogin();
  const adminToken = adminLogin.token;

  async function as<M extends DeskMethod>(token: string, method: M, input: DeskInput<M>): Promise<DeskOutput<M>> {
    const answer = await t.raw(method, input, { token });
    if (!answer.ok) throw new Error(`${method} failed: ${JSON.stringify(answer.error)}`);
    return answer.data as DeskOutput<M>;
  }
  const rawAs = (token: string | undefined, method: string, input: unknown): Promise<Envelope<unknown>> => t.raw(method, input, { token });

  const departments = (await t.call('departments.list', {})).items;
  const dept = (name: string) => {
    const d = departments.find((x) => x.name === name);
    if (!d) throw new Error(`no department ${name}`);
    return d.id;
  };

  function auditRows(action?: string): { actor_id: string | null; action: string; target: string | null; detail: string | null }[] {
    const db = new Sqlite(path.join(t.dataDir, storeFileName), { readonly: true });
    try {
      return (
        action
          ? db.prepare('SELECT actor_id, action, target, detail FROM audit_log WHERE action = ? ORDER BY rowid').all(action)
          : db.prepare('SELECT actor_id, action, target, detail FROM audit_log ORDER BY rowid').all()
      ) as { actor_id: string | null; action: string; target: string | null; detail: string | null }[];
    } finally {
      db.close();
    }
  }

  return { ...t, adminToken, adminId: adminLogin.user.id, as, rawAs, dept, auditRows };
}
