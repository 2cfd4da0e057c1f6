/**
 * Phone numbers the desk accepts: mainland mobiles and landlines (with or without area code,
 * 400/800 numbers, an extension), Hong Kong, Macau and Taiwan numbers, with or without
 * country code; spaces, dashes and brackets are allowed anywhere.
 */

function parse(raw: string): { digits: string; international: boolean } | null {
  const trimmed = raw.trim();
  if (!/^\+?[0-9\s()-]+(?:\s*(?:转|轉|ext\.?|x|#)\s*\d{1,6})?$/i.test(trimmed)) return null;
  let body = trimmed;
  // An extension is only split off a landline-looking number; a mobile never carries one.
  const ext = body.match(/\s*(?:转|轉|ext\.?|x|#)\s*\d{1,6}$/i);
  if (ext) body = body.slice(0, ext.index);
  const international = body.startsWith('+') || body.replace(/[\s()-]/g, '').startsWith('00');
  let digits = body.replace(/[^0-9]/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  return { digits, international };
}

const domestic = [
  /^1[3-9]\d{9}$/, // mainland mobile
  /^0\d{9,11}$/, // mainland (010 + 8, 0xxx + 7/8) or Taiwan (02 + 8, 09 mobile) with area code
  /^[2-9]\d{6,7}$/, // a local number without area code, or a Hong Kong / Macau number
  /^[48]00\d{7}$/, // 400 / 800 service numbers
];

const byCountry: [string, RegExp][] = [
  ['86', /^(?:1[3-9]\d{9}|[1-9]\d{8,10})$/],
  ['852', /^[2-9]\d{7}$/],
  ['853', /^[2-8]\d{7}$/],
  ['886', /^(?:9\d{8}|[2-8]\d{7,8})$/],
];

/** The country code and national number, or null when the text is not a phone number we accept. */
function classify(raw: string): { country: string | null; national: string } | null {
  const parsed = parse(raw);
  if (!parsed) return null;
  const { digits, international } = parsed;
  if (international || (digits.startsWith('86') && /^861[3-9]\d{9}$/.test(digits))) {
    for (const [code, pattern] of byCountry) {
      if (digits.startsWith(code) && pattern.test(digits.slice(code.length))) return { country: code, national: digits.slice(code.length) };
    }
    return null;
  }
  return domestic.some((p) => p.test(digits)) ? { country: null, national: digits } : null;
}

export function isValidPhone(raw: string): boolean {
  return classify(raw) !== null;
}

/**
 * The form a number is looked up by, so `+86 138-0013-8000` and `13800138000` find each
 * other: mainland numbers in domestic form (landlines with their leading 0), others with
 * their country code. Null when the text is not an accepted number.
 */
export function phoneLookupKey(raw: string): string | null {
  const c = classify(raw);
  if (!c) return null;
  if (c.country === '86') return c.national.startsWith('1') && c.national.length === 11 ? c.national : `0${c.national}`;
  if (c.country === '886') return `0${c.national}`;
  return c.country ? `${c.country}${c.national}` : c.national;
}

/** Digits typed so far, for a prefix lookup while the number is still being entered. */
export function phoneDigitsTyped(raw: string): string {
  const digits = raw.replace(/[^0-9]/g, '');
  return raw.trim().startsWith('+86') ? digits.slice(2) : digits;
}
