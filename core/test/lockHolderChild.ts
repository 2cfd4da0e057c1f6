/** Takes a data folder's lock and holds it until killed, as a desk that crashes would. */
import { takeStoreLock } from '../../db/storeLock.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: lockHolderChild DATA_DIR');
takeStoreLock(dataDir);
process.stdout.write('READY\n');
setInterval(() => {}, 60_000);
