import { attachmentTypes } from '../../domain/api/limits.ts';

/**
 * What a file really is, from its first bytes: the browser's MIME type is a guess from the
 * name, so a renamed executable must not pass as a photo.
 */
export function sniffMime(bytes: Buffer): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const ascii = (from: number, text: string) => bytes.subarray(from, from + text.length).toString('latin1') === text;
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'audio/wav';
  if (ascii(0, '%PDF-')) return 'application/pdf';
  if (ascii(0, 'ID3') || starts(0xff, 0xfb) || starts(0xff, 0xf3) || starts(0xff, 0xf2)) return 'audio/mpeg';
  if (ascii(0, '#!AMR')) return 'audio/amr';
  if (ascii(0, 'OggS')) return 'audio/ogg';
  if (ascii(4, 'ftyp')) {
    const brand = bytes.subarray(8, 12).toString('latin1');
    if (brand.startsWith('heic') || brand.startsWith('heix') || brand.startsWith('mif1')) return 'image/heic';
    if (brand.startsWith('M4A')) return 'audio/x-m4a';
    return 'audio/mp4';
  }
  // Plain text: valid UTF-8 without control characters other than whitespace.
  const sample = bytes.subarray(0, 4096);
  // As a stream: a character cut in two by the sample's end is held back, not counted as invalid
  // (one in three Chinese texts over 4 KB would otherwise be refused).
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(sample, { stream: true });
  const control = [...decoded].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t' && ch !== '\f' && ch !== '\v';
  });
  if (!decoded.includes('\ufffd') && !control) return 'text/plain';
  return null;
}

export function isAllowedMime(mime: string): boolean {
  return (attachmentTypes as readonly string[]).includes(mime);
}
