import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { invalidField } from '../../core/deskError.ts';
import type { OrgProfile, RecordType, Severity } from '../../domain/cases/vocabulary.ts';
import type { CalendarPreview, GroupCalendarYear, GroupCategory, GroupPolicy } from '../../domain/console/rulesViews.ts';
import { type ImportedYear, parseCalendarFile } from '../../domain/deadlines/calendarImport.ts';
import type { DeadlineClock, DeadlinePolicy } from '../../domain/deadlines/deadline.ts';
import { policyFromInput } from '../../domain/deadlines/policyInput.ts';
import { type ReferenceRow, sameName } from '../../domain/sync/referenceRecords.ts';
import {
  allSiteIds,
  currentRulesRev,
  deleteGroupRecord,
  findGroupRecord,
  groupRecordsOfKind,
  putGroupRecord,
  revisionKind,
} from '../store/rulesQueries.ts';
import type { ServerDatabase } from '../store/schema.ts';
import { auditRulesChange, type RulesActor } from './rulesAudit.ts';
import { applyGroupRules, type RulesWriter } from './siteRules.ts';

type Db = Kysely<ServerDatabase>;

export interface RulesStore extends RulesWriter {
  db: Db;
}

/**
 * Runs one change of the group's rules: `write` changes the group's records (at the group's
 * next revision) and says what to audit; then every site's stream takes the change, all in one
 * transaction, so a site never holds half a change. Answers `write`'s result and how many sites took it.
 */
async function change<T>(
  s: RulesStore,
  actor: RulesActor,
  write: (
    trx: Db,
    rev: number,
    at: string,
  ) => Promise<{ result: T; action: string; target: string | null; before: unknown; after: unknown }>,
): Promise<T & { sites: number }> {
  return s.db.transaction().execute(async (trx) => {
    const now = s.now();
    const done = await write(trx, (await currentRulesRev(trx)) + 1, now.toISOString());
    await auditRulesChange(trx, { at: now, actor, action: done.action, target: done.target, before: done.before, after: done.after });
    const sites = await allSiteIds(trx);
    for (const site of sites) await applyGroupRules(trx, s, site);
    return { ...done.result, sites: sites.length };
  });
}

// ---- the calendar

/** The years the group imported, each with its days. */
export async function readGroupCalendar(db: Db): Promise<GroupCalendarYear[]> {
  const [years, days] = await Promise.all([groupRecordsOfKind(db, 'calendarYear'), groupRecordsOfKind(db, 'calendarDay')]);
  return years
    .map((y) => {
      const year = JSON.parse(y.row) as ReferenceRow<'calendarYear'>;
      const inYear = days.filter((d) => d.key.startsWith(`${y.key}-`)).map((d) => JSON.parse(d.row) as ReferenceRow<'calendarDay'>);
      const of = (kind: 'holiday' | 'makeUpDay') => inYear.filter((d) => d.kind === kind).map((d) => ({ date: d.date, name: d.name }));
      return { year: year.year, importedAt: year.imported_at, holidays: of('holiday'), makeUpDays: of('makeUpDay') };
    })
    .sort((a, b) => a.year - b.year);
}

function parsedOrRefused(content: string): ImportedYear[] {
  const parsed = parseCalendarFile(content);
  if (!parsed.ok) {
    const { key, ...values } = parsed.problem;
    throw invalidField('content', `deadlines:import.${key}`, values as Record<string, string | number>);
  }
  return parsed.years;
}

const datesOf = (y: { holidays: { date: string }[]; makeUpDays: { date: string }[] }) => [
  ...y.holidays.map((d) => `${d.date}:holiday`),
  ...y.makeUpDays.map((d) => `${d.date}:makeUpDay`),
];

/** What importing a holiday file at the group would change, before anyone confirms it. Writes nothing. */
export async function previewGroupCalendar(db: Db, content: string): Promise<CalendarPreview> {
  const years = parsedOrRefused(content);
  const held = new Map((await readGroupCalendar(db)).map((y) => [y.year, y]));
  return {
    years: years.map((y) => {
      const before = new Set(held.has(y.year) ? datesOf(held.get(y.year) as GroupCalendarYear) : []);
      const after = new Set(datesOf(y));
      return {
        year: y.year,
        holidays: y.holidays.length,
        makeUpDays: y.makeUpDays.length,
        replaced: held.has(y.year),
        added: [...after].filter((d) => !before.has(d)).sort(),
        removed: [...before].filter((d) => !after.has(d)).sort(),
      };
    }),
    sites: (await allSiteIds(db)).length,
  };
}

/**
 * Imports a holiday file (the formats a desk's import reads) as the group's calendar of every
 * year it holds: each year replaces the group's version whole, and reaches every site.
 */
export async function importGroupCalendar(s: RulesStore, actor: RulesActor, content: string) {
  const years = parsedOrRefused(content);
  return change(s, actor, async (trx, rev, at) => {
    const held = new Map((await readGroupCalendar(trx)).map((y) => [y.year, y]));
    for (const y of years) {
      for (const old of held.get(y.year) ? datesOf(held.get(y.year) as GroupCalendarYear) : []) {
        await deleteGroupRecord(trx, 'calendarDay', '', old.slice(0, 10));
      }
      const days = [
        ...y.holidays.map((d) => ({ date: d.date, kind: 'holiday' as const, name: d.name })),
        ...y.makeUpDays.map((d) => ({ date: d.date, kind: 'makeUpDay' as const, name: d.name })),
      ];
      for (const d of days) {
        const row: ReferenceRow<'calendarDay'> = d;
        await putGroupRecord(trx, {
          kind: 'calendarDay',
          profile: '',
          key: d.date,
          row: JSON.stringify(row),
          rev,
          updated_at: at,
          updated_by: actor.user?.id ?? null,
        });
      }
      const yearRow: ReferenceRow<'calendarYear'> = { year: y.year, source: 'imported', imported_at: at, imported_by: null };
      await putGroupRecord(trx, {
        kind: 'calendarYear',
        profile: '',
        key: String(y.year),
        row: JSON.stringify(yearRow),
        rev,
        updated_at: at,
        updated_by: actor.user?.id ?? null,
      });
    }
    const summary = (y: { year: number; holidays: unknown[]; makeUpDays: unknown[] }) => ({
      year: y.year,
      days: datesOf(y as GroupCalendarYear),
    });
    return {
      result: {
        years: years.map((y) => ({
          year: y.year,
          holidays: y.holidays.length,
          makeUpDays: y.makeUpDays.length,
          replaced: held.has(y.year),
        })),
      },
      action: 'rules.calendar.import',
      target: years.map((y) => y.year).join(','),
      before: years.flatMap((y) => {
        const h = held.get(y.year);
        return h ? [summary(h)] : [];
      }),
      after: years.map(summary),
    };
  });
}

// ---- the category tree

type CategoryRow = ReferenceRow<'category'>;

async function categoryRows(db: Db): Promise<CategoryRow[]> {
  return (await groupRecordsOfKind(db, 'category')).map((r) => JSON.parse(r.row) as CategoryRow);
}

const categoryView = (r: CategoryRow): GroupCategory => ({ id: r.id, name: r.name, parentId: r.parent_id, disabled: r.disabled === 1 });

async function putCategory(trx: Db, row: CategoryRow, rev: number, at: string, actor: RulesActor) {
  await putGroupRecord(trx, {
    kind: 'category',
    profile: '',
    key: row.id,
    row: JSON.stringify(row),
    rev,
    updated_at: at,
    updated_by: actor.user?.id ?? null,
  });
}

async function categoryOrRefused(trx: Db, id: string): Promise<CategoryRow> {
  const held = await findGroupRecord(trx, 'category', '', id);
  if (!held) throw invalidField('id', 'consoleRules:errors.unknownCategory');
  return JSON.parse(held.row) as CategoryRow;
}

async function assertNameFree(trx: Db, name: string, parentId: string | null, self?: string) {
  const taken = (await categoryRows(trx)).some((c) => c.id !== self && c.parent_id === parentId && sameName(c.name, name));
  if (taken) throw invalidField('name', 'consoleRules:errors.nameTaken', { name });
}

export const listGroupCategories = async (db: Db): Promise<GroupCategory[]> => (await categoryRows(db)).map(categoryView);

/** A category of the group's tree (two levels, as on a desk), reaching every site. */
export function createGroupCategory(s: RulesStore, actor: RulesActor, input: { name: string; parentId?: string | undefined }) {
  return change(s, actor, async (trx, rev, at) => {
    const parentId = input.parentId ?? null;
    if (parentId) {
      const parent = await findGroupRecord(trx, 'category', '', parentId);
      const row = parent ? (JSON.parse(parent.row) as CategoryRow) : null;
      if (!row || row.disabled === 1) throw invalidField('parentId', 'consoleRules:errors.unknownCategory');
      if (row.parent_id !== null) throw invalidField('parentId', 'consoleRules:errors.categoryTooDeep');
    }
    await assertNameFree(trx, input.name, parentId);
    const row: CategoryRow = { id: uuidv7(), name: input.name.trim(), parent_id: parentId, disabled: 0, created_at: at, version: 1 };
    await putCategory(trx, row, rev, at, actor);
    return { result: { id: row.id }, action: 'rules.categories.create', target: row.id, before: null, after: categoryView(row) };
  });
}

export function renameGroupCategory(s: RulesStore, actor: RulesActor, input: { id: string; name: string }) {
  return change(s, actor, async (trx, rev, at) => {
    const was = await categoryOrRefused(trx, input.id);
    await assertNameFree(trx, input.name, was.parent_id, was.id);
    const row: CategoryRow = { ...was, name: input.name.trim(), version: was.version + 1 };
    await putCategory(trx, row, rev, at, actor);
    return { result: {}, action: 'rules.categories.update', target: row.id, before: categoryView(was), after: categoryView(row) };
  });
}

/** Disabling keeps the record (cases name it): no new case takes it, and every desk shows it as disabled. */
export function setGroupCategoryDisabled(s: RulesStore, actor: RulesActor, input: { id: string; disabled: boolean }) {
  return change(s, actor, async (trx, rev, at) => {
    const was = await categoryOrRefused(trx, input.id);
    const row: CategoryRow = { ...was, disabled: input.disabled ? 1 : 0, version: was.version + 1 };
    await putCategory(trx, row, rev, at, actor);
    return {
      result: {},
      action: input.disabled ? 'rules.categories.disable' : 'rules.categories.enable',
      target: row.id,
      before: categoryView(was),
      after: categoryView(row),
    };
  });
}

// ---- deadline policies per profile

export async function listGroupPolicies(db: Db): Promise<GroupPolicy[]> {
  return (await groupRecordsOfKind(db, 'policy')).map((r) => {
    const row = JSON.parse(r.row) as ReferenceRow<'policy'>;
    return {
      profile: r.profile as OrgProfile,
      type: row.type as RecordType,
      severity: row.severity as Severity,
      policy: JSON.parse(row.clocks) as DeadlinePolicy,
    };
  });
}

/** The group's policy of one record type and severity for every site of a profile. */
export async function setGroupPolicy(
  s: RulesStore,
  actor: RulesActor,
  input: {
    profile: string;
    type: RecordType;
    severity: Severity;
    acknowledge: DeadlineClock;
    feedback: DeadlineClock;
    resolve: DeadlineClock;
  },
) {
  const checked = policyFromInput(input);
  if (!checked.ok) throw invalidField(checked.field, 'deadlines:policy.severalShorter');
  return change(s, actor, async (trx, rev, at) => {
    const key = `${input.type}|${input.severity}`;
    const was = await findGroupRecord(trx, 'policy', input.profile, key);
    const before = was ? (JSON.parse(was.row) as ReferenceRow<'policy'>) : null;
    const row: ReferenceRow<'policy'> = {
      type: input.type,
      severity: input.severity,
      clocks: JSON.stringify(checked.policy),
      version: (before?.version ?? 0) + 1,
      updated_at: at,
      updated_by: null,
    };
    await putGroupRecord(trx, {
      kind: 'policy',
      profile: input.profile,
      key,
      row: JSON.stringify(row),
      rev,
      updated_at: at,
      updated_by: actor.user?.id ?? null,
    });
    return {
      result: {},
      action: 'rules.policies.set',
      target: `${input.profile}/${key}`,
      before: before ? JSON.parse(before.clocks) : null,
      after: checked.policy,
    };
  });
}

/** Hands one policy back to the sites of a profile: each keeps its own again (its preset until it sets one). */
export function clearGroupPolicy(s: RulesStore, actor: RulesActor, input: { profile: OrgProfile; type: RecordType; severity: Severity }) {
  return change(s, actor, async (trx, rev) => {
    const key = `${input.type}|${input.severity}`;
    const was = await findGroupRecord(trx, 'policy', input.profile, key);
    if (!was) throw invalidField('type', 'consoleRules:errors.noGroupPolicy');
    await deleteGroupRecord(trx, 'policy', input.profile, key);
    // The revision moves on without a record of it, so sites not reached now still catch up.
    await putGroupRecord(trx, { kind: revisionKind, profile: '', key: '', row: '{}', rev, updated_at: was.updated_at, updated_by: null });
    return {
      result: {},
      action: 'rules.policies.clear',
      target: `${input.profile}/${key}`,
      before: JSON.parse((JSON.parse(was.row) as ReferenceRow<'policy'>).clocks),
      after: null,
    };
  });
}

/** Everything the group decides, for the console. */
export async function readGroupRules(db: Db) {
  const [calendar, categories, policies] = await Promise.all([readGroupCalendar(db), listGroupCategories(db), listGroupPolicies(db)]);
  return { calendar, categories, policies };
}
