import { v7 as uuidv7 } from 'uuid';
import { createSyncClient, makeDeskKeys } from '../../core/sync/syncClient.ts';
import { caseEvents } from './pushLoad.ts';

/**
 * A desk in a process of its own, started with NODE_EXTRA_CA_CERTS naming the server's
 * certificate (the way a desk is told to trust a private CA): enrols with the code in argv,
 * pushes a case, pulls it back and prints what happened as JSON.
 */
const [url, code] = process.argv.slice(2) as [string, string];
const client = createSyncClient({ serverUrl: url });
const keys = makeDeskKeys();
const identity = { deskId: uuidv7(), privateKey: keys.privateKey };
const hello = await client.hello();
const enrolled = await client.enrol({ code, publicKey: keys.publicKey, deskName: 'https desk', deskId: identity.deskId });
const events = caseEvents(2);
const pushed = await client.push(identity, events);
const pulled = await client.pull(identity, 0);
console.log(JSON.stringify({ protocol: hello.protocol, prefix: enrolled.prefix, accepted: pushed.accepted, pulled: pulled.events.length }));
