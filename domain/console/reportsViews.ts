import type { PeriodAnalysis, ReportGroupRow } from '../api/reportViews.ts';
import type { CaseStatus, Channel, RecordType, Severity } from '../cases/vocabulary.ts';
import type { Figures } from '../reports/figures.ts';
import type { SiteComparisonRow } from '../reports/groupFigures.ts';
import type { Range } from '../reports/periods.ts';

/** What the console's reports answer: the desk's figures (domain/reports/figures.ts) over the group's cases. */

/** The group's dashboard for a span: the whole group, each site, the trend and the main breakdowns. */
export interface GroupDashboard {
  range: Range;
  now: string;
  /** The site asked for, or null for the whole group. */
  siteId: number | null;
  figures: Figures;
  bySite: ReportGroupRow[];
  trend: ReportGroupRow[];
  byCategory: ReportGroupRow[];
  byChannel: ReportGroupRow[];
  bySeverity: ReportGroupRow[];
  /** Open cases now and the overdue among them, per site. */
  workload: { siteId: number; name: string; open: number; overdue: number }[];
}

/** The group's period analysis: the desk's analysis figures with the sites beside each other. */
export interface GroupAnalysis extends PeriodAnalysis {
  groupName: string;
  siteId: number | null;
  siteName: string | null;
  bySite: ReportGroupRow[];
  comparison: SiteComparisonRow[];
}

export interface SiteComparison {
  range: Range;
  rows: SiteComparisonRow[];
}

/** A complainant as the console shows them: masked unless revealed (and audited), hidden when confidential. */
export interface ConsoleComplainant {
  name: string;
  phone: string | null;
  masked: boolean;
  hidden: boolean;
}

export interface GroupCaseLine {
  id: string;
  siteId: number;
  siteName: string;
  number: string;
  subject: string;
  status: CaseStatus;
  severity: Severity;
  type: RecordType;
  channel: Channel;
  receivedAt: string;
  closedAt: string | null;
  complainant: ConsoleComplainant;
}

export interface GroupCaseList {
  total: number;
  items: GroupCaseLine[];
}

/** One complainant (by phone) with cases at more than one site, or several at one. */
export interface GroupRepeatComplainant {
  complainant: ConsoleComplainant;
  cases: number;
  sites: { siteId: number; name: string; cases: number }[];
  latestCaseId: string;
  latestNumber: string;
}
