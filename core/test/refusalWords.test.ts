import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { dataTables } from '../../db/queries/integrity.ts';
import { deskMethods } from '../../domain/api/deskApi.ts';
import { languages, resources } from '../../locales/resources.ts';
import { openAccessDesk } from './accessDesk.ts';

let d: Awaited<ReturnType<typeof openAccessDesk>>;
beforeAll(async () => {
  d = await openAccessDesk();
});
afterAll(() => d.close());

type Tree = { [key: string]: string | Tree };
const wordsAt = (lang: (typeof languages)[number], key: string) =>
  key.split('.').reduce<string | Tree | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), resources[lang].access as Tree);

describe('a refusal beyond the role', () => {
  it('says in words what was refused, in the caller’s language, never the API method', async () => {
    const nurse = await d.person('reception1', ['receptionist']);
    const said = async (locale: string) => {
      const answer = await d.raw('audit.list', {}, { token: nurse.token, locale });
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      return answer.ok ? '' : answer.error.message;
    };
    expect(await said('zh-CN')).toBe('您的角色无权查看审计日志。如确需此权限，请联系管理员。');
    expect(await said('zh-TW')).toContain('查看稽核日誌');
    expect(await said('en')).toContain('may not view the audit log');
    for (const locale of ['zh-CN', 'en']) expect(await said(locale)).not.toContain('audit.list');
    // The audit keeps the method (the page words it) and a short reason, not a message key.
    expect(JSON.parse(d.auditRows('access.denied').at(-1)?.detail ?? '{}')).toEqual({ method: 'audit.list', reason: 'role' });
  });
});

describe('the words the audit page needs', () => {
  it('exist for every DeskApi method in every language', () => {
    const missing = languages.flatMap((lang) =>
      Object.keys(deskMethods)
        .filter((m) => typeof wordsAt(lang, `methods.${m}`) !== 'string')
        .map((m) => `${lang} access:methods.${m}`),
    );
    expect(missing).toEqual([]);
  });

  it('exist for every table of the store, so an export’s counts are read as words', () => {
    const db = new Sqlite(path.join(d.dataDir, storeFileName), { readonly: true });
    const tables = dataTables(db);
    db.close();
    expect(tables).toContain('audit_log');
    const missing = languages.flatMap((lang) =>
      tables.filter((t) => typeof wordsAt(lang, `auditTables.${t}`) !== 'string').map((t) => `${lang} access:auditTables.${t}`),
    );
    expect(missing).toEqual([]);
  });
});
