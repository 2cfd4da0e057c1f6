/**
 * The recovery key an administrator writes down or prints at setup: 20 random bytes (160 bits)
 * in Crockford's base32, eight groups of four (`7KQ3-M9XD-…`). Crockford's alphabet has no I, L,
 * O or U, and reading it back forgives the look-alikes a person copying by hand will write
 * (O for 0, I or L for 1), lower case, spaces and missing dashes.
 */
export const recoveryKeyBytes = 20;
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const groups = 8;
const groupLength = 4;

export function formatRecoveryKey(bytes: Uint8Array): string {
  if (bytes.length !== recoveryKeyBytes) throw new Error(`a recovery key is ${recoveryKeyBytes} bytes`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return Array.from({ length: groups }, (_, i) => out.slice(i * groupLength, (i + 1) * groupLength)).join('-');
}

/** The key's bytes, or null when the text is not a recovery key (wrong length or characters). */
export function parseRecoveryKey(text: string): Uint8Array | null {
  const cleaned = text
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== groups * groupLength) return null;
  const out = new Uint8Array(recoveryKeyBytes);
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of cleaned) {
    const digit = alphabet.indexOf(ch);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[n++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}
