import { findCase } from '../../db/queries/cases.ts';
import { listDepartments } from '../../db/queries/departments.ts';
import { countPrints, insertPrint, listCategories } from '../../db/queries/registration.ts';
import type { PrintTemplate } from '../../domain/api/registrationSchemas.ts';
import type { CaseDetail } from '../../domain/api/views.ts';
import { renderPrintHtml } from '../../print/renderPrint.tsx';
import { assertMayPrintCase, presentDetail } from '../access/caseGate.ts';
import { authorizePersonalDataPrint, mayPrintPersonalData } from '../access/personalDataGate.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { Session } from '../auth/sessions.ts';
import { actorOf } from '../cases/caseActor.ts';
import { loadCaseDetail } from '../cases/loadCaseDetail.ts';
import type { DeskContext } from '../deskContext.ts';
import { AccessDenied, DeskError } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { checkedPeriod } from '../reports/reportInput.ts';
import { loadSettings } from '../settings.ts';
import { analysisDocument } from './analysisDocument.ts';
import { personReportDocument } from './personReportDocument.ts';
import type { PrintableDocument } from './printableDocument.ts';
import { buildPrintCase } from './printCase.ts';
import { yearRegisterDocument } from './yearRegisterDocument.ts';

type PrintHandlers = Pick<Handlers, 'print.render'>;

const a4 = { widthMicrons: 210_000, heightMicrons: 297_000 };

/** Which event a letter reports: a decline notice needs a decline, the guidance a redirect. */
function decisionEventOf(detail: CaseDetail, template: PrintTemplate) {
  if (template === 'declineNotice') return detail.events.findLast((e) => e.type === 'declined') ?? null;
  if (template === 'redirectGuidance') return detail.events.findLast((e) => e.type === 'redirected') ?? null;
  return null;
}

/** A case's document (slip, registration form, letters), for someone who may open the case. */
async function caseDocument(
  ctx: DeskContext,
  input: { template: PrintTemplate; caseId: string; slipWidth?: '80' | '58' | undefined },
  session: Session,
  locale: string | undefined,
): Promise<PrintableDocument> {
  const { db } = ctx.store;
  const row = await findCase(db, { id: input.caseId });
  if (!row) throw new DeskError('not_found', { key: 'caseNotFound' });
  // A department's handler prints only what they may open, and not a confidential complainant
  // hidden from them (even as a preview); the person complained about prints nothing (回避).
  const actor = await actorOf(db, session);
  assertMayPrintCase(actor, row);
  // Every case document carries the complainant: only roles that may print personal data.
  if (!mayPrintPersonalData(session.user)) throw new AccessDenied({ key: 'access:denied.print' }, row.id, 'print');
  // The paper holds what its reader may see on screen: numbers masked for those who see them masked.
  const detail = presentDetail(actor, row, await loadCaseDetail(db, row.id, ctx.now()));
  const decision = decisionEventOf(detail, input.template);
  if ((input.template === 'declineNotice' || input.template === 'redirectGuidance') && !decision) {
    throw new DeskError('invalid_transition', { key: 'printNotApplicable' });
  }
  if (input.template === 'replyLetter' && !detail.events.some((e) => e.type === 'responded')) {
    throw new DeskError('invalid_transition', { key: 'printNoReply' });
  }
  const [settings, departments, categories] = await Promise.all([loadSettings(db), listDepartments(db), listCategories(db)]);
  const width = input.slipWidth ?? settings.slipWidth;
  return {
    document: detail.id,
    caseId: detail.id,
    auditDetail: { number: detail.number },
    personalData: true,
    pageSize: input.template === 'slip' ? { widthMicrons: Number(width) * 1000, heightMicrons: null } : a4,
    render: (copy, printedAt) => {
      const { data, t, lang } = buildPrintCase({ detail, settings, departments, categories, decision, copy, printedAt, locale });
      return { html: renderPrintHtml(input.template, data, t, lang, width), title: `${t(`titles.${input.template}`)} ${detail.number}` };
    },
  };
}

/**
 * `print.render`: any printed document as static HTML in the caller's language, a case's
 * (by `caseId`) or the analysis of a period. Who may print which template is the permission
 * matrix's (checked by the dispatcher). A print records its copy number per document (the
 * second and later are reprints) and an audit entry, in one transaction; every rendering of a
 * document holding personal data, a preview too, is recorded as personal data shown on paper.
 */
export function printHandlers(ctx: DeskContext): PrintHandlers {
  const { db } = ctx.store;
  return {
    'print.render': async (input, call) => {
      const doc =
        input.template === 'monthlyAnalysis'
          ? await analysisDocument(ctx, checkedPeriod(input.period), call.session.user, call.locale)
          : input.template === 'yearRegister'
            ? await yearRegisterDocument(ctx, input.year, call.locale)
            : input.template === 'personReport'
              ? await personReportDocument(ctx, input, call.session.user, call.locale)
              : await caseDocument(ctx, input, call.session, call.locale);
      const at = ctx.now();
      const printedBefore = await countPrints(db, doc.document, input.template);
      const purpose = input.purpose ?? 'preview';
      const copy = await db.transaction().execute(async (trx) => {
        let next = 0;
        if (purpose === 'print') {
          next = (await countPrints(trx, doc.document, input.template)) + 1;
          await insertPrint(trx, {
            id: ctx.newId(),
            document: doc.document,
            case_id: doc.caseId,
            template: input.template,
            copy: next,
            at: at.toISOString(),
            actor_id: call.session.user.id,
          });
          await recordAudit(ctx, trx, {
            actorId: call.session.user.id,
            action: 'print',
            target: doc.document,
            detail: { template: input.template, copy: next, ...doc.auditDetail },
          });
        }
        if (doc.personalData) {
          await authorizePersonalDataPrint(ctx, trx, call.session.user, {
            target: doc.document,
            template: input.template,
            detail: { purpose, ...(next > 0 ? { copy: next } : {}), ...doc.auditDetail },
          });
        }
        return next;
      });
      const { html, title } = doc.render(copy, at);
      return {
        html,
        title,
        copy,
        reprint: copy > 1,
        printedBefore: copy > 0 ? copy - 1 : printedBefore,
        pageSize: doc.pageSize,
      };
    },
  };
}
