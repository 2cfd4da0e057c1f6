import { findYearSeal, sealedCasesOf } from '../../db/queries/seals.ts';
import { findUserById } from '../../db/queries/users.ts';
import { pickLanguage } from '../../locales/resources.ts';
import { renderYearRegister } from '../../print/YearRegister.tsx';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import { loadSettings } from '../settings.ts';
import { translatorFor } from '../translate.ts';
import type { PrintableDocument } from './printableDocument.ts';
import { paperDates } from './printCase.ts';

const a4 = { widthMicrons: 210_000, heightMicrons: 297_000 };

/**
 * 归档目录 (template `yearRegister`): a sealed year's cases by number with their final hashes,
 * the manifest's hash, the desk's public key and signature. Numbers and hashes only, no
 * complainant, so its renderings are not personal data; its copies are numbered per year.
 */
export async function yearRegisterDocument(ctx: DeskContext, year: number, locale: string | undefined): Promise<PrintableDocument> {
  const { db } = ctx.store;
  const seal = await findYearSeal(db, year);
  if (!seal) throw new DeskError('not_found', { key: 'privacy:seals.notSealed', values: { year } });
  const [rows, sealer, settings] = await Promise.all([sealedCasesOf(db, year), findUserById(db, seal.sealed_by), loadSettings(db)]);
  const lang = pickLanguage(locale);
  const t = translatorFor(locale, 'print');
  const dates = paperDates(lang, settings.utcOffsetMinutes);
  return {
    document: `year:${year}`,
    caseId: null,
    auditDetail: { year },
    personalData: false,
    pageSize: a4,
    render: () => ({
      html: renderYearRegister(
        {
          orgName: seal.org_name,
          year: seal.year,
          sealedAt: dates.dateTime(seal.sealed_at),
          sealedBy: sealer?.display_name ?? '',
          carriedOver: JSON.parse(seal.carried_over) as string[],
          manifestSha256: seal.manifest_sha256,
          publicKey: seal.public_key,
          signature: seal.signature,
          entries: rows.map((r) => ({ number: r.number, lastSeq: r.last_seq, finalHash: r.final_hash })),
        },
        (key, values) => t(key, values ?? {}),
        lang,
      ),
      title: t('yearRegister.title', { year: seal.year }),
    }),
  };
}
