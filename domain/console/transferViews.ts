/** What the console's transfer answers: the case, where it went and when; its desks see it at their next sync. */
export interface CaseTransferResult {
  caseId: string;
  number: string;
  from: { id: number; name: string };
  to: { id: number; name: string };
  at: string;
}

/** Where a case is and the other sites of the group it may be transferred to. */
export interface CaseTransferSites {
  here: { id: number; name: string };
  others: { id: number; name: string }[];
}
