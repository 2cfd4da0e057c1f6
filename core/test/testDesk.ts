import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DeskInput, DeskMethod, DeskOutput } from '../../domain/api/deskApi.ts';
import type { CallContext, Envelope } from '../../domain/api/envelope.ts';
import type { Role } from '../../domain/cases/vocabulary.ts';
import { createDesk, type Desk, type DeskOptions } from '../desk.ts';
import { admin, passwordOf, staffPassword, testOrg } from './staff.ts';

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
  let adminToken: string | undefined;
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
    /** Sets the desk up with the test administrator and signs them in. */
    async setupAndLogin() {
      await call('setup.init', { ...testOrg, admin });
      const login = await call('auth.login', { username: admin.username, password: admin.password });
      token = login.token;
      adminToken = login.token;
      return login;
    },
    async login(username: string = admin.username, password = passwordOf(username)) {
      const login = await call('auth.login', { username, password });
      token = login.token;
      return login;
    },
    /**
     * One more of the staff, made by the administrator (after `setupAndLogin`) with the staff
     * password, and signed in apart: the desk's own session stays whose it was.
     */
    async person(username: string, roles: Role[], departmentIds: string[] = [], displayName = username) {
      const { id } = await call(
        'users.create',
        { username, password: staffPassword, displayName, roles, departmentIds },
        { token: adminToken },
      );
      const login = await call('auth.login', { username, password: staffPassword });
      return { id, token: login.token, username, password: staffPassword };
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
