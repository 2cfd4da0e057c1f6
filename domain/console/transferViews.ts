/** What the console's transfer answers: the case, where it went and when; its desks see it at their next sync. */
export interface CaseTransferResult {
  caseId: string;
  number: string;
  from: { id: number; name: string };
  to: { id: number; name: string };
  at: string;
}
