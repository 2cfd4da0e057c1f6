import { DeskError } from '../../../core/deskError.ts';
import type { VolumeUnit } from '../../../domain/console/siteSchemas.ts';
import type { EnrolmentCodeView, SiteView } from '../../../domain/console/siteViews.ts';
import { addSite, codeIdOf, issueEnrolmentCode } from '../../admin.ts';
import { findSite, findSiteByName } from '../../store/queries.ts';
import { listDesks, listEnrolmentCodes, listSites, revokeEnrolmentCode, updateSite } from '../../store/siteQueries.ts';
import { recordGroupAudit } from '../access/groupAudit.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers } from '../consoleTypes.ts';

const volumeOf = (row: { volume_per_month: number | null; volume_unit: string | null }) =>
  row.volume_per_month !== null && row.volume_unit !== null
    ? { perMonth: Number(row.volume_per_month), unit: row.volume_unit as VolumeUnit }
    : null;

/** The group's sites, and the one-time codes a new desk of a site enrols with (shown once, kept as a hash). */
export function siteHandlers(
  ctx: ConsoleContext,
): Pick<ConsoleHandlers, 'sites.list' | 'sites.add' | 'sites.update' | 'sites.issueCode' | 'sites.codes' | 'sites.revokeCode'> {
  const { db } = ctx;
  return {
    'sites.list': async () => {
      const desks = await listDesks(db);
      const items: SiteView[] = (await listSites(db)).map((s) => ({
        id: s.id,
        name: s.name,
        volume: volumeOf(s),
        createdAt: s.created_at,
        desks: desks.filter((d) => d.site_id === s.id).length,
        activeDesks: desks.filter((d) => d.site_id === s.id && !d.revoked_at).length,
      }));
      return { items };
    },
    'sites.add': async (input, call) => {
      const now = ctx.now();
      const site = await db.transaction().execute(async (trx) => {
        const added = await addSite(trx, input.name, now, input.volume ?? null);
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'sites.add',
          target: String(added.id),
          after: { name: added.name, volume: input.volume ?? null },
          source: call.source,
        });
        return added;
      });
      ctx.log(`site ${site.name} added by ${call.session.user.username}`);
      return { id: site.id };
    },
    'sites.update': async (input, call) => {
      const now = ctx.now();
      await db.transaction().execute(async (trx) => {
        const site = await findSite(trx, input.id);
        if (!site) throw new DeskError('not_found', { key: 'console:error.noSite', values: { site: String(input.id) } });
        if (input.name !== undefined && input.name !== site.name && (await findSiteByName(trx, input.name))) {
          throw new DeskError(
            'conflict',
            { key: 'console:error.siteExists', values: { name: input.name } },
            {
              name: { key: 'console:error.siteExists', values: { name: input.name } },
            },
          );
        }
        const changes: { name?: string; volume_per_month?: number | null; volume_unit?: string | null } = {};
        if (input.name !== undefined) changes.name = input.name;
        if (input.volume !== undefined) {
          changes.volume_per_month = input.volume?.perMonth ?? null;
          changes.volume_unit = input.volume?.unit ?? null;
        }
        await updateSite(trx, site.id, changes);
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'sites.update',
          target: String(site.id),
          before: { name: site.name, volume: volumeOf(site) },
          after: { name: changes.name ?? site.name, volume: input.volume === undefined ? volumeOf(site) : input.volume },
          source: call.source,
        });
      });
      return {};
    },
    'sites.issueCode': async (input, call) => {
      const now = ctx.now();
      return db.transaction().execute(async (trx) => {
        const issued = await issueEnrolmentCode(trx, input.siteId, now, (input.hours ?? 24) * 3_600_000);
        // The code itself is never written down, not even in the audit log: only its id.
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'sites.issueCode',
          target: String(input.siteId),
          after: { codeId: issued.codeId, expiresAt: issued.expiresAt },
          source: call.source,
        });
        return issued;
      });
    },
    'sites.codes': async (input) => {
      const now = ctx.now().toISOString();
      const items: EnrolmentCodeView[] = (await listEnrolmentCodes(db, input.siteId)).map((c) => ({
        codeId: codeIdOf(c.code_hash),
        siteId: c.site_id,
        siteName: c.site_name,
        createdAt: c.created_at,
        expiresAt: c.expires_at,
        usedBy: c.used_by,
        revokedAt: c.revoked_at,
        state: c.used_by ? 'used' : c.revoked_at ? 'revoked' : c.expires_at <= now ? 'expired' : 'open',
      }));
      return { items };
    },
    'sites.revokeCode': async (input, call) => {
      const now = ctx.now();
      await db.transaction().execute(async (trx) => {
        const result = await revokeEnrolmentCode(trx, input.codeId, now.toISOString());
        if (Number(result.numUpdatedRows) !== 1) throw new DeskError('conflict', { key: 'console:error.codeNotOpen' });
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'sites.revokeCode',
          target: input.codeId,
          after: { revokedAt: now.toISOString() },
          source: call.source,
        });
      });
      return {};
    },
  };
}
