import { appendAudit } from '../../db/queries/audit.ts';
import { casesPerYear, findYearSeal, listYearSeals } from '../../db/queries/seals.ts';
import { finishedStatuses } from '../../domain/seals/yearManifest.ts';
import type { DeskContext } from '../deskContext.ts';
import type { Handlers } from '../dispatcher.ts';
import type { Jobs } from '../jobs/jobRegistry.ts';
import { sealYear, verifySealedYear, yearCases } from './yearSeal.ts';

type SealHandlers = Pick<Handlers, 'seals.overview' | 'seals.preview' | 'seals.seal' | 'seals.verify'>;

export function sealHandlers(ctx: DeskContext, jobs: Jobs): SealHandlers {
  const { db } = ctx.store;
  return {
    'seals.overview': async () => {
      const [years, seals] = await Promise.all([casesPerYear(db, finishedStatuses), listYearSeals(db)]);
      const byYear = new Map(seals.map((s) => [s.year, s]));
      return {
        years: years.map((y) => {
          const seal = byYear.get(Number(y.year));
          return {
            year: Number(y.year),
            cases: Number(y.cases),
            finished: Number(y.finished ?? 0),
            sealed: seal
              ? {
                  sealedAt: seal.sealed_at,
                  caseCount: seal.case_count,
                  carriedOver: (JSON.parse(seal.carried_over) as string[]).length,
                  manifestSha256: seal.manifest_sha256,
                }
              : null,
          };
        }),
      };
    },

    'seals.preview': async (input) => {
      const { cases, open } = await yearCases(db, input.year);
      return {
        year: input.year,
        cases: cases.length,
        finished: cases.length - open.length,
        sealed: (await findYearSeal(db, input.year)) !== undefined,
        open: open.map((c) => ({ id: c.id, number: c.number, subject: c.subject, status: c.status })),
      };
    },

    'seals.seal': (input, call) =>
      jobs.run('seal', call.session.user.id, (progress) => sealYear(ctx, input.year, input.carryOver, call.session.user.id, progress)),

    'seals.verify': async (input, call) => {
      const result = await verifySealedYear(ctx, input.year);
      await appendAudit(db, {
        id: ctx.newId(),
        at: ctx.now().toISOString(),
        actor_id: call.session.user.id,
        action: 'seals.verify',
        target: String(input.year),
        detail: JSON.stringify({ ok: result.ok, problems: result.problems.length }),
      });
      return result;
    },
  };
}
