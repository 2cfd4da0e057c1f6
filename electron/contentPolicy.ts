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

/** The printed HTML with its policy as the first thing in its head. */
export function withPrintPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${printContentPolicy}">`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return `<!doctype html><html><head>${meta}</head><body>${html}</body></html>`;
}
