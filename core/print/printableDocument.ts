/**
 * What `print.render` needs of any document before it numbers the copy: what is printed (the
 * print log's key), how to audit it, and how to draw it once the copy number is known (a
 * case's documents print "copy 2" on the paper).
 */
export interface PrintableDocument {
  /** The print log's key: a case's id, or an analysis period (`month:2025-11`). */
  document: string;
  caseId: string | null;
  auditDetail: Record<string, unknown>;
  /** Whether it names a complainant or shows their numbers: then every rendering, preview or print, is audited. */
  personalData: boolean;
  pageSize: { widthMicrons: number; heightMicrons: number | null };
  render(copy: number, printedAt: Date): { html: string; title: string };
}
