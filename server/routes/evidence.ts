import { createHash } from 'node:crypto';
import type { PutEvidenceResponse } from '../../domain/sync/evidenceProtocol.ts';
import { spendNonce } from '../auth.ts';
import { Refused } from '../refusal.ts';
import { caseNamesFile, evidenceFiles, evidenceHeld, insertEvidence } from '../store/evidenceFiles.ts';
import { siteOfCases } from '../store/queries.ts';
import type { DesksTable } from '../store/schema.ts';
import { casesHandedOnBy } from '../store/transferQueries.ts';
import type { RouteContext } from './context.ts';

type Desk = DesksTable & { nonce: string };

/**
 * PUT /v1/evidence/<sha256>?case=<id>: a file of a case of the desk's site, after the event
 * naming it was pushed. The bytes must hash to the name, the case must be the site's and one of
 * its events must name the file; a file the site holds already, or whose bytes a removal deleted
 * (a desk restored from an older backup sends it again), is answered `stored: false`.
 */
export async function putEvidence(c: RouteContext, desk: Desk, sha256: string, query: URLSearchParams, body: Buffer) {
  const caseId = query.get('case') ?? '';
  if (!/^[0-9a-f-]{36}$/.test(caseId)) throw new Refused(400, 'malformed', 'refusal.evidenceCase');
  if (createHash('sha256').update(body).digest('hex') !== sha256) {
    throw new Refused(422, 'tampered', 'refusal.evidenceHash', { sha256 }, { caseId });
  }
  const [owner] = await siteOfCases(c.db, [caseId]);
  if (!owner) throw new Refused(404, 'not_found', 'refusal.evidenceNoCase', { caseId }, { caseId });
  // A file a desk of the sending site uploads after the case was transferred goes to both sites.
  const handedOn = owner.site_id !== desk.site_id && (await casesHandedOnBy(c.db, [caseId], desk.site_id)).has(caseId);
  if (owner.site_id !== desk.site_id && !handedOn) throw new Refused(403, 'foreign', 'refusal.foreignCase', { caseId }, { caseId });
  const held = await evidenceHeld(c.db, desk.site_id, sha256);
  // The case's events name a file no more once a removal took it out of them; its row says so.
  const removedHere = held?.removed_at != null && held.case_id === caseId;
  if (!removedHere && !(await caseNamesFile(c.db, caseId, sha256)))
    throw new Refused(403, 'foreign', 'refusal.evidenceNotNamed', { caseId }, { caseId });
  const files = evidenceFiles(c.evidenceDir);
  // Written before the row, outside the transaction: a large file does not hold the site's writers up.
  const content = held ? null : files.write(desk.site_id, sha256, body);
  return c.db.transaction().execute(async (trx): Promise<PutEvidenceResponse> => {
    await spendNonce(trx, desk.id, desk.nonce, c.now());
    if (held) return { stored: false };
    const row = { sha256, size: body.length, case_id: caseId, desk_id: desk.id, stored_at: c.now().toISOString(), removed_at: null };
    await insertEvidence(trx, { ...row, site_id: desk.site_id, content });
    if (handedOn) await insertEvidence(trx, { ...row, site_id: owner.site_id, content: files.write(owner.site_id, sha256, body) });
    return { stored: true };
  });
}

/** GET /v1/evidence/<sha256>: the bytes of a file of the desk's own site; any other site's file is not found. */
export async function getEvidence(c: RouteContext, desk: Desk, sha256: string): Promise<Buffer> {
  await spendNonce(c.db, desk.id, desk.nonce, c.now());
  const bytes = await evidenceFiles(c.evidenceDir).read(c.db, desk.site_id, sha256);
  if (!bytes) throw new Refused(404, 'not_found', 'refusal.evidenceNotHeld', { sha256 });
  if (bytes === 'removed') throw new Refused(410, 'removed', 'refusal.evidenceRemoved', { sha256 });
  return bytes;
}
