import { appendAudit } from '../../db/queries/audit.ts';
import { listDepartments } from '../../db/queries/departments.ts';
import { countPrints, insertPrint, listCategories } from '../../db/queries/registration.ts';
import type { PrintTemplate } from '../../domain/api/registrationSchemas.ts';
import type { CaseDetail } from '../../domain/api/views.ts';
import { renderPrintHtml } from '../../print/renderPrint.tsx';
import { loadCaseDetail } from '../cases/loadCaseDetail.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { loadSettings } from '../settings.ts';
import { buildPrintCase } from './printCase.ts';

type PrintHandlers = Pick<Handlers, 'print.render'>;

const a4 = { widthMicrons: 210_000, heightMicrons: 297_000 };

/** Which event a letter reports: a decline notice needs a decline, the guidance a redirect. */
function decisionEventOf(detail: CaseDetail, template: PrintTemplate) {
  if (template === 'declineNotice') return detail.events.findLast((e) => e.type === 'declined') ?? null;
  if (template === 'redirectGuidance') return detail.events.findLast((e) => e.type === 'redirected') ?? null;
  return null;
}

/**
 * `print.render`: a document of a case as static HTML in the caller's language. A preview
 * records nothing; a print records its copy number (the second and later are reprints, marked
 * as such on the paper) and an audit entry, in one transaction.
 */
export function printHandlers(ctx: DeskContext): PrintHandlers {
  const { db } = ctx.store;
  return {
    'print.render': async (input, call) => {
      const detail = await loadCaseDetail(db, input.caseId);
      const decision = decisionEventOf(detail, input.template);
      if ((input.template === 'declineNotice' || input.template === 'redirectGuidance') && !decision) {
        throw new DeskError('invalid_transition', { key: 'printNotApplicable' });
      }
      if (input.template === 'replyLetter' && !detail.events.some((e) => e.type === 'responded')) {
        throw new DeskError('invalid_transition', { key: 'printNoReply' });
      }
      const [settings, departments, categories] = await Promise.all([loadSettings(db), listDepartments(db), listCategories(db)]);
      const width = input.slipWidth ?? settings.slipWidth;
      const purpose = input.purpose ?? 'preview';
      const at = ctx.now();
      let copy = 0;
      const printedBefore = await countPrints(db, detail.id, input.template);
      if (purpose === 'print') {
        copy = await db.transaction().execute(async (trx) => {
          const next = (await countPrints(trx, detail.id, input.template)) + 1;
          await insertPrint(trx, {
            id: ctx.newId(),
            case_id: detail.id,
            template: input.template,
            copy: next,
            at: at.toISOString(),
            actor_id: call.session.user.id,
          });
          await appendAudit(trx, {
            id: ctx.newId(),
            at: at.toISOString(),
            actor_id: call.session.user.id,
            action: 'print',
            target: detail.id,
            detail: JSON.stringify({ template: input.template, copy: next, number: detail.number }),
          });
          return next;
        });
      }
      const { data, t, lang } = buildPrintCase({
        detail,
        settings,
        departments,
        categories,
        decision,
        copy,
        printedAt: at,
        locale: call.locale,
      });
      return {
        html: renderPrintHtml(input.template, data, t, lang, width),
        copy,
        reprint: copy > 1,
        printedBefore: copy > 0 ? copy - 1 : printedBefore,
        pageSize: input.template === 'slip' ? { widthMicrons: Number(width) * 1000, heightMicrons: null } : a4,
        title: `${t(`titles.${input.template}`)} ${detail.number}`,
      };
    },
  };
}
