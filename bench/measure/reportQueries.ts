import type Sqlite from 'better-sqlite3';

/**
 * Stand-ins for the dashboard and the monthly report until issue 7 builds them: the aggregate
 * queries such pages need, over the `cases` projection. They live here, not in db/queries,
 * because they are a measuring stick, not a feature; replace them with issue 7's calls.
 */
export function reportQueries(sqlite: Sqlite.Database) {
  const byStatus = sqlite.prepare('SELECT status, count(*) AS n FROM cases GROUP BY status');
  const openByDepartment = sqlite.prepare(
    "SELECT department_id, count(*) AS n FROM cases WHERE status IN ('registered', 'accepted') GROUP BY department_id",
  );
  const overdue = sqlite.prepare("SELECT count(*) AS n FROM cases WHERE status IN ('registered', 'accepted') AND deadline_feedback < ?");
  const perMonth = sqlite.prepare(
    'SELECT substr(received_at, 1, 7) AS month, count(*) AS n FROM cases WHERE received_at >= ? GROUP BY month ORDER BY month',
  );
  // One pass over the month's rows, rolled up in JS: six GROUP BYs would read them six times.
  const monthCube = sqlite.prepare(
    `SELECT category_id, department_id, channel, type, severity, status, count(*) AS n,
            sum(status IN ('registered', 'accepted') AND deadline_feedback < ?) AS overdue
     FROM cases WHERE received_at >= ? AND received_at < ?
     GROUP BY category_id, department_id, channel, type, severity, status`,
  );
  const dimensions = ['category_id', 'department_id', 'channel', 'type', 'severity', 'status'] as const;
  return {
    /** Counts by status, open cases by department, overdue open cases, 36 months of intake. */
    dashboard(nowIso: string, threeYearsAgoIso: string) {
      return [byStatus.all(), openByDepartment.all(), overdue.get(nowIso), perMonth.all(threeYearsAgoIso)];
    },
    /** One month: intake by category, department, channel, type, severity and status, and overdue open cases. */
    monthlyReport(fromIso: string, toIso: string, nowIso: string) {
      const cube = monthCube.all(nowIso, fromIso, toIso) as Record<string, string | number | null>[];
      const rollups = dimensions.map((d) => {
        const totals = new Map<string | number | null, number>();
        for (const row of cube) totals.set(row[d] ?? null, (totals.get(row[d] ?? null) ?? 0) + Number(row.n));
        return totals;
      });
      return { rollups, overdue: cube.reduce((sum, row) => sum + Number(row.overdue), 0) };
    },
  };
}
