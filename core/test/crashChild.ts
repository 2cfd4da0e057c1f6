/**
 * The crash test's victim: opens the desk, then registers and acts on cases as fast as it can,
 * printing each success on stdout only after the call returned, until it is killed.
 */
import { createDesk } from '../desk.ts';
import { admin } from './staff.ts';
import { sampleComplaint, withHelpers } from './testDesk.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crashChild DATA_DIR');
const desk = withHelpers(await createDesk({ dataDir, backupScheduler: false, log: () => {} }));
const login = await desk.call('auth.login', { username: admin.username, password: admin.password });
const token = login.token;
const departments = await desk.call('departments.list', {}, { token });
const departmentId = departments.items[0]?.id;
if (!departmentId) throw new Error('no department');
process.stdout.write('READY\n');
const pending: string[] = [];
for (let i = 0; ; i++) {
  const registered = await desk.call('cases.register', { ...sampleComplaint, subject: `崩溃测试 ${process.pid}-${i}` }, { token });
  process.stdout.write(`R ${registered.id} ${registered.number}\n`);
  pending.push(registered.id);
  if (i % 2 === 1) {
    const id = pending.shift() as string;
    const action = i % 6 === 5 ? { type: 'decline' as const, reason: '不属于受理范围' } : { type: 'accept' as const, departmentId };
    const acted = await desk.call('cases.act', { id, action }, { token });
    process.stdout.write(`A ${id} ${acted.status} ${acted.events.length}\n`);
  }
}
