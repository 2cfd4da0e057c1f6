import { parseArgs } from 'node:util';
import { openStore } from '../../db/connection.ts';
import { findCase } from '../../db/queries/cases.ts';
import { verifyChain } from '../cases/chainCheck.ts';

/**
 * `npm run verify-chain -- --data DIR [--case NUMBER]`: checks the hash DAG of every case (or
 * one): every event's hash, every link to the heads it saw, the case's heads; names the first
 * broken link. Exit code 0 when intact, 1 when broken, 2 on misuse.
 */
const { values } = parseArgs({ options: { data: { type: 'string' }, case: { type: 'string' } } });
if (!values.data) {
  console.error('usage: npm run verify-chain -- --data DIR [--case NUMBER]');
  process.exit(2);
}
const store = openStore(values.data);
try {
  const only = values.case ? await findCase(store.db, { number: values.case }) : undefined;
  if (values.case && !only) {
    console.error(`no case numbered ${values.case}`);
    process.exitCode = 2;
  } else {
    const result = await verifyChain(store.db, only);
    console.log(`${result.casesChecked} cases, ${result.eventsChecked} events checked`);
    if (result.firstBroken) {
      const b = result.firstBroken;
      console.log(`BROKEN: case ${b.number} (${b.caseId}), event ${b.seq}: ${b.problem}`);
      process.exitCode = 1;
    } else {
      console.log('the hash chain is intact');
    }
  }
} finally {
  await store.close();
}
