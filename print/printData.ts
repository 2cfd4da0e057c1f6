/**
 * What a printed document shows, already worded and formatted in the reader's language by
 * core: the templates only lay it out, so they stay pure and testable.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface PrintedField {
  label: string;
  value: string;
}

export interface PrintCase {
  orgName: string;
  deskName: string | null;
  deskPhone: string | null;
  number: string;
  queryCode: string;
  typeLabel: string;
  channelLabel: string;
  severityLabel: string;
  categoryLabel: string | null;
  receivedAt: string;
  feedbackBy: string;
  resolveBy: string;
  subject: string;
  content: string;
  demands: string | null;
  complainantName: string;
  /** Where a letter to the complainant goes, when recorded. */
  complainantAddress: string | null;
  receptionist: string;
  /** Every other recorded field of the registration, in the order of the paper form. */
  fields: PrintedField[];
  /** When the document is printed, formatted. */
  printedAt: string;
  /** 0 preview, 1 original, 2+ reprint. */
  copy: number;
  /** The decision shown on a decline notice or redirect guidance. */
  decision: { title: string; reason: string; note: string | null; guidance: string[]; decidedAt: string } | null;
  /** The latest reply to the complainant, for the reply letter (答复书). */
  reply: PrintedReply | null;
  /** The privacy notice at intake, with its label (个人信息告知：…), in the paper's language. */
  privacyNotice: string;
  /** Dark modules of the QR code of number and query code. */
  qr: boolean[][];
  qrText: string;
}

export type SlipWidth = '80' | '58';

/** What the reply letter says: the recorded reply and the approved proposal behind it. */
export interface PrintedReply {
  channelLabel: string;
  content: string;
  /** The investigation's finding, when a proposal preceded the reply. */
  findingLabel: string | null;
  /** Amount and form, worded, when the proposal offered compensation. */
  compensation: string | null;
  repliedAt: string;
  repliedBy: string;
  /** Calendar days after closing in which the complainant may ask for a review (复核). */
  reviewWindowDays: number;
}
