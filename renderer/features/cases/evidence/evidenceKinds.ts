/** How the desk shows a piece of evidence, from its MIME type (the core's, sniffed from the bytes). */
export type EvidenceKind = 'image' | 'pdf' | 'audio' | 'text' | 'other';

export function evidenceKind(mime: string): EvidenceKind {
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime === 'text/plain') return 'text';
  return 'other';
}

export const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;

/** One piece of evidence to show: a file being attached, or one stored with a case. */
export interface EvidenceItem {
  key: string;
  name: string;
  mime: string;
  size: number;
  /** The bytes, read when the preview needs them. */
  load: () => Promise<Blob>;
  /** Fetched from the core, and large: previewed only when asked, not on opening the case. */
  costly?: boolean;
  /** Not on this desk yet: opening it fetches it from the sync site's server. */
  remote?: boolean;
}

/** Above this, a stored file is fetched for its preview only on request (a case holds up to 20 of 20 MB). */
export const autoPreviewBytes = 8 * 1024 * 1024;

export function base64Blob(dataBase64: string, mime: string): Blob {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}
