import type { CaseEvent } from '../cases/events.ts';
import type { GroupCaseLine } from './reportsViews.ts';

/**
 * The cases in conflict across the group: how many at each site that has any, and the cases
 * (of the site asked for, or all), personal data masked as in every console list.
 */
export interface GroupConflicts {
  sites: { siteId: number; name: string; cases: number }[];
  items: GroupCaseLine[];
}

/** One case of any site as the console shows it: its line, its whole history, the site's names for the ids it holds. */
export interface GroupCaseDetail {
  line: GroupCaseLine;
  events: (CaseEvent & { actorName: string; conflict: boolean })[];
  names: {
    departments: Record<string, string>;
    categories: Record<string, string>;
    users: Record<string, string>;
  };
}
