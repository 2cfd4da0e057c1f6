import { sql } from 'kysely';

/** The seqno of the case `caseId`, inside the statement that needs it (the tables folded from the log are keyed by it). */
export const seqnoOf = (caseId: string) => sql<number>`(SELECT seqno FROM cases WHERE id = ${caseId})`;
