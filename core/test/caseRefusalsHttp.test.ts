import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../http/httpTransport.ts';
import { createSetupToken } from '../http/requestGuard.ts';
import { openStaffedDesk, type StaffedDesk } from './handlingDesk.ts';
import { passwordOf } from './staff.ts';
import { rowCounts } from './storeSnapshot.ts';

let server: http.Server | undefined;
let desk: StaffedDesk | undefined;
afterEach(async () => {
  server?.close();
  await desk?.close();
});

describe('case refusals over HTTP', () => {
  it('answers a wrong state with 409 and a role refusal with 403, in the caller language, writing nothing', async () => {
    desk = await openStaffedDesk();
    const d = desk;
    server = await listen(d.desk, { port: 0, rendererDir: null, setupToken: createSetupToken() });
    const { port } = server.address() as AddressInfo;
    const login = async (username: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: passwordOf(username) }),
      });
      return ((await res.json()) as { data: { token: string } }).data.token;
    };
    const act = async (token: string, id: string, action: unknown, language = 'zh-CN') => {
      const res = await fetch(`http://127.0.0.1:${port}/api/cases.act`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'accept-language': language, 'content-type': 'application/json' },
        body: JSON.stringify({ id, action }),
      });
      return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } };
    };
    const { id } = await d.register('rec');
    const handler = await login('han');
    const before = rowCounts(d.dataDir);
    const early = await act(handler, id, { type: 'startInvestigation' }, 'en');
    expect(early).toEqual({
      status: 409,
      body: {
        ok: false,
        error: {
          code: 'invalid_transition',
          message: 'The case is “Registered, awaiting acceptance”; “Start investigation” is not possible now.',
        },
      },
    });
    const notYours = await act(handler, id, { type: 'decline', reason: '不属于本部门' }, 'zh-TW');
    expect(notYours).toEqual({
      status: 403,
      body: { ok: false, error: { code: 'forbidden', message: '您不是這件投訴件的處理人或主管，不能執行此操作。' } },
    });
    // Nothing written but the audit entry of the attempt beyond the role (issue 6).
    expect(rowCounts(d.dataDir)).toEqual({ ...before, audit_log: (before.audit_log ?? 0) + 1 });
  });
});
