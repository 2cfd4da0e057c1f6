import { DeskError } from '../../../core/deskError.ts';
import { isSilent } from '../../../domain/console/deskHealth.ts';
import type { DeskView } from '../../../domain/console/siteViews.ts';
import { revoke } from '../../admin.ts';
import { findDesk } from '../../store/queries.ts';
import { listDesks } from '../../store/siteQueries.ts';
import { recordGroupAudit } from '../access/groupAudit.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers } from '../consoleTypes.ts';

/** Every desk of every site, with what it said at its last signed request; revoking one. */
export function deskHandlers(ctx: ConsoleContext): Pick<ConsoleHandlers, 'desks.list' | 'desks.revoke'> {
  const { db } = ctx;
  return {
    'desks.list': async () => {
      const now = ctx.now();
      const items: DeskView[] = (await listDesks(db)).map((d) => ({
        id: d.id,
        name: d.name,
        siteId: d.site_id,
        siteName: d.site_name,
        prefix: d.prefix,
        enrolledAt: d.enrolled_at,
        revokedAt: d.revoked_at,
        lastSeenAt: d.last_seen_at,
        clockDriftMs: d.clock_drift_ms === null ? null : Number(d.clock_drift_ms),
        version: d.desk_version,
        eventsWaiting: d.events_waiting === null ? null : Number(d.events_waiting),
        lastBackupAt: d.last_backup_at,
        silent: isSilent({ enrolledAt: d.enrolled_at, lastSeenAt: d.last_seen_at, revokedAt: d.revoked_at }, now),
      }));
      return { items, serverTime: now.toISOString() };
    },
    'desks.revoke': async (input, call) => {
      const now = ctx.now();
      await db.transaction().execute(async (trx) => {
        const desk = await findDesk(trx, input.id);
        if (!desk) throw new DeskError('not_found', { key: 'console:error.noDesk' });
        if (!(await revoke(trx, input.id, now))) throw new DeskError('conflict', { key: 'console:error.deskRevokedAlready' });
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'desks.revoke',
          target: desk.id,
          before: { name: desk.name, siteId: desk.site_id, revokedAt: null },
          after: { name: desk.name, siteId: desk.site_id, revokedAt: now.toISOString() },
          source: call.source,
        });
      });
      ctx.log(`desk ${input.id} revoked by ${call.session.user.username}`);
      return {};
    },
  };
}
