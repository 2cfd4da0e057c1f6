import { z } from 'zod';
import { decodeHlc, encodeHlc } from '../cases/hlc.ts';
import { type CaseState, seenFromSite } from '../cases/projection.ts';

/**
 * Reference records as they travel within a site (DESIGN.md §10): departments, categories, staff
 * accounts, deadline policies, the calendar and the site's settings. Each travels whole as the
 * row its table holds, under its kind and key; a newer clock wins (last writer wins per record),
 * and a deletion travels as a record without a row. Pure: the rules the desk and the server share.
 */
export const referenceKinds = [
  'department',
  'category',
  'user',
  'policy',
  'calendarYear',
  'calendarDay',
  'localDay',
  'setting',
  /** This desk's record merged into the site's: every desk folds the old id into the site's. */
  'alias',
] as const;
export type ReferenceKind = (typeof referenceKinds)[number];

const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(64);
const flag = z.union([z.literal(0), z.literal(1)]);

const treeRow = z.strictObject({
  id,
  name: text(200).min(1),
  parent_id: id.nullable(),
  disabled: flag,
  created_at: text(40),
  version: z.number().int().min(0),
});

export const userRowSchema = z.strictObject({
  id,
  username: text(100).min(1),
  display_name: text(200),
  password_hash: text(1000),
  roles: text(2000),
  department_ids: text(20_000),
  disabled: flag,
  created_at: text(40),
  version: z.number().int().min(0),
  password_changed_at: text(40).nullable(),
});
export type UserRow = z.infer<typeof userRowSchema>;

/** Each kind's row as it travels: exactly its table's columns that travel. */
export const referenceRowSchemas = {
  department: treeRow,
  category: treeRow,
  user: userRowSchema,
  policy: z.strictObject({
    type: text(64).min(1),
    severity: text(64).min(1),
    clocks: text(20_000),
    version: z.number().int().min(0),
    updated_at: text(40),
    updated_by: text(64).nullable(),
  }),
  calendarYear: z.strictObject({
    year: z.number().int().min(1900).max(2200),
    source: z.enum(['bundled', 'imported']),
    imported_at: text(40),
    imported_by: text(64).nullable(),
  }),
  calendarDay: z.strictObject({ date: text(10), kind: z.enum(['holiday', 'makeUpDay']), name: text(200).nullable() }),
  localDay: z.strictObject({
    date: text(10),
    kind: z.enum(['closure', 'extraWorkingDay']),
    note: text(2000).nullable(),
    updated_at: text(40),
    updated_by: text(64).nullable(),
  }),
  setting: z.strictObject({ key: text(100).min(1), value: text(100_000), version: z.number().int().min(0), updated_at: text(40) }),
  alias: z.strictObject({ kind: z.enum(['department', 'category', 'user']), local_id: id, canonical_id: id, merged_at: text(40) }),
} as const satisfies Record<ReferenceKind, z.ZodType>;

export type ReferenceRow<K extends ReferenceKind> = z.infer<(typeof referenceRowSchemas)[K]>;

/** The key a row travels under: what makes two rows the same record on every desk. */
export function referenceKey(kind: ReferenceKind, row: Record<string, unknown>): string {
  switch (kind) {
    case 'policy':
      return `${String(row.type)}|${String(row.severity)}`;
    case 'calendarYear':
      return String(row.year);
    case 'calendarDay':
    case 'localDay':
      return String(row.date);
    case 'setting':
      return String(row.key);
    case 'alias':
      return `${String(row.kind)}:${String(row.local_id)}`;
    default:
      return String(row.id);
  }
}

/**
 * The settings every desk of a site shares. A desk's own name, number prefix, telephone,
 * language and printer stay on it (the migration's triggers name the same list).
 */
export const siteSettingKeys: ReadonlySet<string> = new Set([
  'org.name',
  'org.profile',
  'desk.numberFormat',
  'desk.idleLockMinutes',
  'desk.utcOffsetMinutes',
  'desk.workingHours',
  'cases.reviewWindowDays',
  'privacy.intakeNotice',
  'deadlines.dueSoonWorkingDays',
]);

/**
 * The clock a local change is sent with: the wall time it was made, but always after the
 * version of the record this desk knew when it changed it, so an edit of a record received
 * from a desk whose clock runs ahead still wins over what it edited.
 */
export function stampOf(changedMs: number, known: string | undefined, device: string): string {
  if (!known) return encodeHlc({ wallMs: changedMs, counter: 0 }, device);
  const was = decodeHlc(known);
  if (changedMs > was.wallMs) return encodeHlc({ wallMs: changedMs, counter: 0 }, device);
  return encodeHlc({ wallMs: was.wallMs, counter: was.counter + 1 }, device);
}

/** A name as two desks typed it: the same meaning despite spaces around it and full-width spaces. */
export const sameName = (a: string, b: string) => a.replace(/\u3000/g, ' ').trim() === b.replace(/\u3000/g, ' ').trim();

/**
 * Whether a local account and the site's account of the same name are one person: the same
 * display name and the same password hash (a hash is salted, so only a copied account has it).
 * Anything else is a clash a person settles.
 */
export const samePerson = (
  local: Pick<UserRow, 'display_name' | 'password_hash'>,
  remote: Pick<UserRow, 'display_name' | 'password_hash'>,
) => sameName(local.display_name, remote.display_name) && local.password_hash === remote.password_hash;

/** Local id → the site's id of the same record, per kind of record a case names. */
export interface Aliases {
  department: ReadonlyMap<string, string>;
  category: ReadonlyMap<string, string>;
  user: ReadonlyMap<string, string>;
  /**
   * This desk's site, which decides how a case transferred between sites reads here
   * (projection.ts seenFromSite); null on a desk outside a group. Absent: no site's view (the
   * server's, which reads every case as the site that holds it does).
   */
  site?: string | null | undefined;
}

export const noAliases: Aliases = { department: new Map(), category: new Map(), user: new Map() };

const follow = (map: ReadonlyMap<string, string>, value: string | null): string | null =>
  value === null ? null : (map.get(value) ?? value);

/**
 * The case as the read model shows it: the ids its signed events name, each replaced by the
 * site's id of the same record when this desk's record was merged into it. The events stay as
 * they were signed; only what is folded from them follows the merge.
 */
export function canonicalState(folded: CaseState, aliases: Aliases): CaseState {
  const state = aliases.site === undefined ? folded : seenFromSite(folded, aliases.site);
  if (aliases.department.size === 0 && aliases.category.size === 0 && aliases.user.size === 0) return state;
  const departmentId = follow(aliases.department, state.departmentId);
  return {
    ...state,
    departmentId,
    coDepartmentIds: [...new Set(state.coDepartmentIds.map((d) => aliases.department.get(d) ?? d))].filter((d) => d !== departmentId),
    categoryId: follow(aliases.category, state.categoryId),
    handlerId: follow(aliases.user, state.handlerId),
    proposedBy: follow(aliases.user, state.proposedBy),
    respondent: state.respondent
      ? {
          ...state.respondent,
          ...(state.respondent.departmentId
            ? { departmentId: aliases.department.get(state.respondent.departmentId) ?? state.respondent.departmentId }
            : {}),
          ...(state.respondent.userId ? { userId: aliases.user.get(state.respondent.userId) ?? state.respondent.userId } : {}),
        }
      : null,
  };
}

const aliasOfField: Record<string, 'department' | 'category' | 'user'> = {
  departmentId: 'department',
  coDepartmentIds: 'department',
  categoryId: 'category',
  handlerId: 'user',
  userId: 'user',
};

function canonicalValue(value: unknown, aliases: Aliases, field: string): unknown {
  const kind = aliasOfField[field];
  if (kind && typeof value === 'string') return aliases[kind].get(value) ?? value;
  if (kind && Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? (aliases[kind].get(v) ?? v) : v));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonicalValue(v, aliases, k)]));
  }
  return value;
}

/**
 * An event as the timeline shows it: the records its payload names followed to the site's (the
 * names a person reads), the event itself unchanged in the log and its hash as signed.
 */
export function canonicalEvent<E extends { payload: unknown }>(event: E, aliases: Aliases): E {
  if (aliases.department.size === 0 && aliases.category.size === 0 && aliases.user.size === 0) return event;
  return { ...event, payload: canonicalValue(event.payload, aliases, '') };
}
