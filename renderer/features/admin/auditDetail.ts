/**
 * Where the word for a detail's key may be (access namespace): the audit's own words, a
 * setting as the settings page names it, or a table (a backup's or import's row counts).
 */
export function detailLabelKeys(key: string): string[] {
  return [`auditDetail.${key}`, `admin.settings.${key}`, `auditTables.${key}`];
}

/** One line of an audit entry's detail, ready to show: `label: value`. */
export interface AuditDetailLine {
  key: string;
  label: string;
  value: string;
}

export interface AuditDetailWords {
  /** The reader's word for a detail's key (`template` → 单据), or the key itself. */
  label(key: string): string;
  /** The reader's word for a value of a key (`template: slip` → 受理回执), or the value itself. */
  value(key: string, value: string): string;
  /** Several values as one list in the reader's language. */
  list(items: readonly string[]): string;
  yes: string;
  no: string;
}

function show(key: string, value: unknown, words: AuditDetailWords): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.length === 0 ? '—' : words.list(value.map((v) => show(key, v, words)));
  if (typeof value === 'object') {
    return words.list(Object.entries(value).map(([k, v]) => `${words.label(k)} ${show(k, v, words)}`));
  }
  return words.value(key, String(value));
}

/** An audit entry's detail as lines a person reads, in the order it was recorded. */
export function auditDetailLines(detail: Record<string, unknown> | null, words: AuditDetailWords): AuditDetailLine[] {
  if (!detail) return [];
  return Object.entries(detail).map(([key, value]) => ({ key, label: words.label(key), value: show(key, value, words) }));
}
