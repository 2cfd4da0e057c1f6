import type { CaseEvent } from '../cases/events.ts';
import type { GroupCaseLine } from './reportsViews.ts';

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
