import { passwordMinLength } from '../api/limits.ts';

/** Password rules for every account: long enough, not guessable, and not the user's own name. */
export { passwordMinLength };

/** The passwords people reach for first; refused whatever their length. */
const common = new Set([
  'password',
  'password1',
  'passw0rd',
  '12345678',
  '123456789',
  '1234567890',
  '87654321',
  '11111111',
  '88888888',
  '66666666',
  'qwertyui',
  'qwerty123',
  'abcd1234',
  'abc12345',
  '1qaz2wsx',
  'a1234567',
  'aa123456',
  'woaini1314',
  'iloveyou',
  'admin123',
  'admin1234',
  'administrator',
  'zxcvbnm1',
]);

export type PasswordWeakness = 'tooShort' | 'common' | 'oneKind' | 'containsUsername';

/** Letters, digits and everything else: a password must mix at least two. */
function kindsOf(password: string): number {
  let kinds = 0;
  if (/\p{L}/u.test(password)) kinds++;
  if (/\p{N}/u.test(password)) kinds++;
  if (/[^\p{L}\p{N}]/u.test(password)) kinds++;
  return kinds;
}

export function passwordWeakness(password: string, username?: string): PasswordWeakness | null {
  if ([...password].length < passwordMinLength) return 'tooShort';
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'common';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return 'containsUsername';
  if (kindsOf(password) < 2) return 'oneKind';
  if (new Set(lower).size <= 2) return 'common';
  return null;
}
