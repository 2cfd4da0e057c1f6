import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DeskInput, DeskMethod, DeskOutput } from '../../domain/api/deskApi.ts';
import type { CallContext, Envelope } from '../../domain/api/envelope.ts';
import { createDesk, type Desk, type DeskOptions } from '../desk.ts';

/** A desk on a fresh temp directory, with typed helpers for tests. */
export async function openTestDesk(options: Partial<DeskOptions> = {}) {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'desk-test-'));
  const desk = await createDesk({
    backupScheduler: false,
    syncScheduler: false,
    ...options,
    dataDir,
    log: options.log ?? (process.env.DESK_TEST_LOG ? console.error : () => {}),
  });
  return withHelpers(desk);
}

export function withHelpers(desk: Desk) {
  let token: string | undefined;
  const raw = (method: string, input: unknown, context: CallContext = {}): Promise<Envelope<unknown>> =>
    desk.call(method, input, { token, ...context });
  async function call<M extends DeskMethod>(method: M, input: DeskInput<M>, context?: CallContext): Promise<DeskOutput<M>> {
    const answer = await raw(method, input, context);
    if (!answer.ok) throw new Error(`${method} failed: ${JSON.stringify(answer.error)}`);
    return answer.data as DeskOutput<M>;
  }
  return {
    desk,
    dataDir: desk.dataDir,
    raw,
    call,
    async setupAndLogin() {
      await call('setup.init', {
        orgName: '市第一人民医院',
        profile: 'hospital',
        admin: { username: 'admin', password: 'correct horse 1', displayName: '王主任' },
      });
      const login = await call('auth.login', { username: 'admin', password: 'correct horse 1' });
      token = login.token;
      return login;
    },
    async login(username = 'admin', password = 'correct horse 1') {
      const login = await call('auth.login', { username, password });
      token = login.token;
      return login;
    },
    signOut() {
      token = undefined;
    },
    close: () => desk.close(),
  };
}

export const sampleComplaint = {
  type: 'complaint',
  channel: 'walkIn',
  complainant: { name: '张三', phone: '13800138000' },
  subject: '挂号窗口排队过久',
  content: '上午在门诊挂号窗口排队一个多小时，工作人员态度冷淡，电梯也坏了没人管。',
} as const satisfies DeskInput<'cases.register'>;
