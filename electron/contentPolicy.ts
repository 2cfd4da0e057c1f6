/**
 * What the desk's windows may reach beyond the app, as plain rules the main process applies
 * (electron/security.ts, electron/print.ts) and tests read.
 */

/**
 * The only addresses the desk opens in the user's browser. The app links to nothing outside
 * itself today, so nothing is opened; a link added later is added here, exactly.
 */
export const externalLinks: readonly string[] = [];

export function mayOpenExternally(url: string): boolean {
  return externalLinks.includes(url);
}

/**
 * The print window shows the core's static HTML: its own styles, inline SVG and data: images,
 * and no script of its own (the main process still measures the page from outside it).
 */
export const printContentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src 'none'";

/**
 * The hidden print window: no script at all (the page is measured from outside it, through
 * the DevTools protocol), in a session of its own that keeps nothing on disk and serves only
 * the job's page, with the policy as a response header.
 */
export const printScheme = 'desk-print';
export const printPartition = 'desk-print';
export const printWebPreferences = {
  partition: printPartition,
  javascript: false,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
  webgl: false,
  images: true,
} as const;

export const printResponseHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': printContentPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
} as const;

/** Each job's page has an address of its own, which stops being served when the job ends. */
export const printJobUrl = (jobId: string) => `${printScheme}://job/${encodeURIComponent(jobId)}`;

/** The job a print-session request asks for, or null for anything else (which is refused). */
export function printJobOf(url: string): string | null {
  const prefix = `${printScheme}://job/`;
  if (!url.startsWith(prefix)) return null;
  const rest = url.slice(prefix.length);
  return /^[A-Za-z0-9_-]+$/.test(rest) ? rest : null;
}

/** The printed HTML with its policy as the first thing in its head. */
export function withPrintPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${printContentPolicy}">`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return `<!doctype html><html><head>${meta}</head><body>${html}</body></html>`;
}
