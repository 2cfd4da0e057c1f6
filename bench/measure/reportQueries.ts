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
  const inMonth = (dimension: string) =>
    sqlite.prepare(`SELECT ${dimension} AS k, count(*) AS n FROM cases WHERE received_at >= ? AND received_at < ? GROUP BY ${dimension}`);
  const monthly = ['category_id', 'department_id', 'channel', 'type', 'severity', 'status'].map(inMonth);
  const acceptedLate = sqlite.prepare(
    "SELECT count(*) AS n FROM cases WHERE received_at >= ? AND received_at < ? AND status <> 'registered' AND updated_at > deadline_acknowledge",
  );
  return {
    /** Counts by status, open cases by department, overdue open cases, 36 months of intake. */
    dashboard(nowIso: string, threeYearsAgoIso: string) {
      return [byStatus.all(), openByDepartment.all(), overdue.get(nowIso), perMonth.all(threeYearsAgoIso)];
    },
    /** One month: intake by category, department, channel, type, severity and status; late acknowledgements. */
    monthlyReport(fromIso: string, toIso: string) {
      return [...monthly.map((q) => q.all(fromIso, toIso)), acceptedLate.get(fromIso, toIso)];
    },
  };
}
