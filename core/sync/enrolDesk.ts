import { queueAllReferences, queueWholeAudit, resetReferenceSync } from '../../db/queries/referenceSync.ts';
import { deleteSyncConfig, insertSyncConfig, queueWholeLog, readSyncConfig } from '../../db/queries/sync.ts';
import { queueWholeRemovals } from '../../db/queries/syncRemovals.ts';
import type { DeskParsedInput } from '../../domain/api/deskApi.ts';
import { type EnrolResponse, type HelloResponse, maxClockDriftMs, protocolVersion } from '../../domain/sync/protocol.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import { loadSettings } from '../settings.ts';
import { createSyncClient, makeDeskKeys, SyncRequestError } from './syncClient.ts';
import { problemOf } from './syncProblems.ts';

/** How long the enrolment waits for the server: a person is watching. */
const enrolTimeoutMs = 10_000;

/** Why the server's address does not lead to a sync server this desk can join, at the field. */
function addressRefusal(e: unknown): DeskError {
  const { problem } = problemOf(e);
  if (problem === 'certificate') return invalidField('serverUrl', 'sync:field.certificate');
  if (problem === 'version' && e instanceof SyncRequestError) {
    return invalidField('serverUrl', 'sync:field.version', {
      server: String(e.refusal?.serverProtocol ?? '?'),
      desk: String(protocolVersion),
    });
  }
  if (e instanceof SyncRequestError && e.status !== 0) return invalidField('serverUrl', 'sync:field.notSyncServer');
  return invalidField('serverUrl', 'sync:field.unreachable');
}

function codeRefusal(e: unknown): DeskError {
  if (e instanceof SyncRequestError && e.refusal) {
    switch (e.refusal.error) {
      case 'bad_code':
      case 'malformed':
        return invalidField('enrolmentCode', 'sync:field.badCode');
      case 'expired_code':
        return invalidField('enrolmentCode', 'sync:field.expiredCode');
      case 'foreign':
        return invalidField('enrolmentCode', 'sync:field.deskKnown');
    }
  }
  return addressRefusal(e);
}

/**
 * Joins the site the enrolment code was issued for: checks the server (its protocol, its clock),
 * makes the desk's Ed25519 key pair, enrols with it and, only once the server said yes, stores
 * the desk's identity and prefix and queues its whole log, so a desk that holds cases brings
 * its history. Every refusal comes back at its field, and nothing is written.
 */
export async function enrolDesk(ctx: DeskContext, input: DeskParsedInput<'sync.configure'>, actorId: string) {
  const { db } = ctx.store;
  const existing = await readSyncConfig(db);
  if (existing?.private_key) throw new DeskError('conflict', { key: 'sync:error.enrolledAlready', values: { site: existing.site_name } });
  const client = createSyncClient({ serverUrl: input.serverUrl, timeoutMs: enrolTimeoutMs, now: () => ctx.now() });
  let hello: HelloResponse;
  try {
    hello = await client.hello();
  } catch (e) {
    throw addressRefusal(e);
  }
  if (hello?.server !== 'complaint-desk') throw invalidField('serverUrl', 'sync:field.notSyncServer');
  if (hello.protocol !== protocolVersion) {
    throw invalidField('serverUrl', 'sync:field.version', { server: String(hello.protocol), desk: String(protocolVersion) });
  }
  const serverTime = Date.parse(hello.time);
  if (!Number.isNaN(serverTime) && Math.abs(serverTime - ctx.now().getTime()) > maxClockDriftMs) {
    throw invalidField('serverUrl', 'sync:field.clock', { serverTime: hello.time });
  }
  const settings = await loadSettings(db);
  const keys = makeDeskKeys();
  let enrolled: EnrolResponse;
  try {
    enrolled = await client.enrol({
      code: input.enrolmentCode,
      publicKey: keys.publicKey,
      deskName: (settings.deskName || settings.orgName || 'desk').slice(0, 100),
      deskId: ctx.deviceId,
    });
  } catch (e) {
    throw codeRefusal(e);
  }
  const at = ctx.now().toISOString();
  return db.transaction().execute(async (trx) => {
    // A copy of an enrolled desk (an import) carries no signing key: it joins anew.
    if (existing) await deleteSyncConfig(trx);
    await insertSyncConfig(trx, {
      server_url: input.serverUrl,
      desk_id: enrolled.deskId,
      site_id: enrolled.siteId,
      site_name: enrolled.siteName,
      public_key: keys.publicKey,
      private_key: keys.privateKey,
      prefix: enrolled.prefix,
      enrolled_at: at,
    });
    const queued = await queueWholeLog(trx);
    // What it removed before it joined goes up too, ahead of its events, so the server never
    // holds the data of a case this desk removed.
    await queueWholeRemovals(trx);
    // Its reference records and its audit go up too: the records after the site's are merged in.
    await resetReferenceSync(trx);
    await queueAllReferences(trx);
    await queueWholeAudit(trx);
    await recordAudit(ctx, trx, {
      actorId,
      action: 'sync.configure',
      target: enrolled.siteName,
      detail: { serverUrl: input.serverUrl, site: enrolled.siteName, prefix: enrolled.prefix, queued },
    });
    return enrolled;
  });
}
