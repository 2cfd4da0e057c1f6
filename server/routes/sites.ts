import type { SitesResponse } from '../../domain/sync/protocol.ts';
import { spendNonce } from '../auth.ts';
import type { DesksTable } from '../store/schema.ts';
import { listSites } from '../store/transferQueries.ts';
import type { RouteContext } from './context.ts';

/** GET /v1/sites: the group's sites (names only), so a desk can offer a transfer to another (转办). */
export async function groupSites(c: RouteContext, desk: DesksTable & { nonce: string }): Promise<SitesResponse> {
  await spendNonce(c.db, desk.id, desk.nonce, c.now());
  return { sites: (await listSites(c.db)).map((s) => ({ id: String(s.id), name: s.name })) };
}
