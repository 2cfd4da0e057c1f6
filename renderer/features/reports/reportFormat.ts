import type { Rate } from '../../../domain/reports/figures.ts';

/** Rates as percentages in the active locale; a rate with nothing counted shows a dash, never 0%. */
export function formatRate(rate: Rate | number | null, locale: string): string {
  const value = typeof rate === 'number' || rate === null ? rate : rate.value;
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function formatNumber(value: number | null, locale: string, fractionDigits = 0): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** A change against a baseline with its sign; rates in percentage points. */
export function formatChange(value: number | null, unit: 'count' | 'rate' | 'days', locale: string): string {
  if (value === null) return '—';
  const sign = value > 0 ? '+' : '';
  if (unit === 'rate')
    return `${sign}${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value * 100)} pp`;
  return `${sign}${formatNumber(value, locale, unit === 'days' ? 1 : 0)}`;
}

/** Triggers a download of bytes the core answered as base64. */
export function downloadBase64(file: { filename: string; mimeType: string; base64: string }) {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
