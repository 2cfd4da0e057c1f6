import type { CaseStatus, Severity } from '../cases/vocabulary.ts';
import type { Clock } from '../reports/caseFacts.ts';
import type { Figures } from '../reports/figures.ts';
import type { ReportGroup } from '../reports/groups.ts';
import type { PeriodRef, Range } from '../reports/periods.ts';

/** A group of a breakdown: the key (an id, a vocabulary word or a local date) and its name. */
export interface ReportGroupRow {
  key: string | null;
  /** The name of a department, category or person; null for vocabulary keys and dates, which the UI translates. */
  label: string | null;
  figures: Figures;
}

export interface Workload {
  open: number;
  overdue: number;
  dueSoon: number;
}

export interface ReportSummary {
  range: Range;
  /** The instant the figures were taken at. */
  now: string;
  figures: Figures;
  /** Cases closed in the range, whenever they were received. */
  closedInRange: number;
  /** Open, overdue and due-soon cases now, whatever the range. */
  workload: Workload;
  /** The breakdown asked for by `groupBy`. */
  groups: ReportGroupRow[] | null;
  /** The breakdowns asked for by `breakdowns`. */
  breakdowns: Partial<Record<ReportGroup, ReportGroupRow[]>> | null;
}

/** A complainant with several complaints, as the viewer may see them (domain/access masking rules). */
export interface RepeatComplainant {
  /** In full for roles that see numbers in full, masked (138****5678) otherwise; '' when hidden. */
  phone: string;
  /** '' when hidden (a confidential complainant, for a role that may not see one). */
  name: string;
  masked: boolean;
  hidden: boolean;
  cases: number;
  latestCaseId: string;
  latestNumber: string;
  /** The group's analysis: the sites the complainant came to and their cases at each (a desk's analysis has none). */
  sites?: { name: string; cases: number }[];
}

export interface ReportCaseLine {
  id: string;
  number: string;
  subject: string;
  severity: Severity;
  status: CaseStatus;
  departmentName: string | null;
  receivedAt: string;
  /** The group's analysis: the site that holds the case (a desk's analysis has none). */
  siteName?: string;
}

export interface OverdueCaseLine extends ReportCaseLine {
  clocks: Clock[];
  /** The latest reason recorded on the case (extension, pause, breach, sending back); null when none. */
  reason: string | null;
}

export const correctiveActionStatuses = ['open', 'implemented', 'closed'] as const;
export type CorrectiveActionStatus = (typeof correctiveActionStatuses)[number];

export interface CorrectiveAction {
  id: string;
  source: 'case' | 'analysis';
  caseId: string | null;
  caseNumber: string | null;
  period: string | null;
  departmentId: string | null;
  departmentName: string | null;
  cause: string;
  measure: string;
  training: string | null;
  owner: string;
  dueDate: string;
  status: CorrectiveActionStatus;
  /** Open or implemented past its due date (local date). */
  overdue: boolean;
  implementedAt: string | null;
  implementation: string | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  verification: string | null;
  createdAt: string;
  createdByName: string;
  /** The group's analysis: the site whose desk raised it (a desk's list has none). */
  siteName?: string;
}

/** A period's figures beside the previous period's and last year's, and their main breakdowns: a desk's analysis and the group's alike. */
export interface PeriodAnalysis {
  period: PeriodRef;
  range: Range;
  previousRange: Range;
  lastYearRange: Range;
  generatedAt: string;
  current: Figures;
  previous: Figures;
  lastYear: Figures;
  trend: { bucket: 'day' | 'month'; rows: ReportGroupRow[] };
  byCategory: ReportGroupRow[];
  byChannel: ReportGroupRow[];
  bySeverity: ReportGroupRow[];
  byType: ReportGroupRow[];
}

export interface AnalysisReport extends PeriodAnalysis {
  orgName: string;
  closedInRange: number;
  byDepartment: ReportGroupRow[];
  byRespondentDepartment: ReportGroupRow[];
  byRespondentPerson: ReportGroupRow[];
  majorCases: ReportCaseLine[];
  overdueCases: OverdueCaseLine[];
  correctiveActions: CorrectiveAction[];
  /** Complainants with several complaints in the period, as the viewer may see them where the report goes. */
  repeatComplainants: RepeatComplainant[];
  /** The group console's analysis of several sites: each site's figures (a desk's analysis has none). */
  bySite?: ReportGroupRow[];
}

export interface PerformanceRow {
  key: string;
  label: string;
  /** Complaints naming this department or person as the one complained about. */
  complaintsReceived: number;
  /** Cases this department or person was responsible for (received in the range). */
  assigned: number;
  closed: number;
  onTime: Figures['onTimeRate']['resolve'];
  satisfaction: Figures['satisfactionRate'];
  averageHandlingDays: number | null;
}

export interface PerformanceReport {
  range: Range;
  departments: PerformanceRow[];
  people: PerformanceRow[];
}

export interface ExportedFile {
  filename: string;
  mimeType: string;
  /** The file's bytes, base64-encoded (JSON carries no binary). */
  base64: string;
}
