import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'core/cli/verifyChain.ts', '--data', dataDir, ...args], { encoding: 'utf8' });

describe('npm run verify-chain', () => {
  it('says the chain is intact, then names the first broken link with exit code 1', async () => {
    const desk = await openTestDesk();
    await desk.setupAndLogin();
    await desk.call('cases.register', sampleComplaint);
    const second = await desk.call('cases.register', { ...sampleComplaint, subject: '第二件' });
    const dataDir = desk.dataDir;
    await desk.close();

    const intact = cli(dataDir);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('2 cases, 2 events checked');

    const raw = new Sqlite(path.join(dataDir, storeFileName));
    raw.exec('DROP TRIGGER case_events_append_only_update');
    raw
      .prepare(
        "UPDATE case_events SET payload = replace(payload, '第二件', '第三件') WHERE pos = (SELECT seqno FROM cases WHERE id = ?) * 1048576 + 1",
      )
      .run(second.id);
    raw.close();
    const broken = cli(dataDir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`BROKEN: case ${second.number} (${second.id}), event 1: hash`);
    expect(cli(dataDir, '--case', 'nope').status).toBe(2);
  });
});
