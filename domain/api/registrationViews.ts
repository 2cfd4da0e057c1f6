import type { AttachmentRef } from '../cases/events.ts';
import type { IntakePrompt } from '../cases/intakePrompts.ts';
import type { NumberFormat } from '../cases/numbering.ts';
import type { CaseStatus, OrgProfile, Severity } from '../cases/vocabulary.ts';
import type { CaseSummary } from './views.ts';

/** What the registration screen needs in one call: reference data and the desk's settings. */
export interface RegistrationOptions {
  profile: OrgProfile;
  departments: { id: string; name: string }[];
  categories: { id: string; name: string; code: string | null }[];
  /** Who a case may be routed to, with their departments (for the handler list). */
  handlers: { id: string; displayName: string; departmentIds: string[] }[];
  settings: RegistrationSettingsView;
}

export interface RegistrationSettingsView {
  orgName: string | null;
  deskName: string | null;
  deskPrefix: string;
  numberFormat: NumberFormat;
  deskPhone: string | null;
  slipWidth: '80' | '58';
  printer: string | null;
  printMode: 'silent' | 'dialog' | 'pdf';
  /** What the next number of this month will look like, so the admin sees the format. */
  nextNumberExample: string;
}

/** Earlier cases of the same complainant (repeat-complaint warning). */
export interface ComplainantHistory {
  items: {
    id: string;
    number: string;
    status: CaseStatus;
    /** With the status, what staff call it (an approved proposal awaiting the reply). */
    proposalState: CaseSummary['proposalState'];
    subject: string;
    complainantName: string;
    receivedAt: string;
    matchedBy: 'phone' | 'name';
  }[];
  /** How many matched in all (the list is capped). */
  total: number;
  /** How long the lookup took in the store, for the benchmark and the curious. */
  tookMs: number;
}

export interface TriageView {
  categoryId: string | null;
  severity: Severity;
  signals: string[];
  largeClaim: boolean;
  /** What the desk should tell at once (a hospital's intake prompts), for the receptionist to give and tick. */
  prompts: IntakePrompt[];
}

export interface CasePrintout {
  html: string;
  /** Which copy this is (1 the original); 0 for a preview. */
  copy: number;
  reprint: boolean;
  /** Copies printed before this one. */
  printedBefore: number;
  /** Page size to hand the printer, in microns (Electron wants microns). */
  pageSize: { widthMicrons: number; heightMicrons: number | null };
  title: string;
}

export type StoredAttachment = AttachmentRef;

export interface AttachmentContent extends AttachmentRef {
  dataBase64: string;
}
