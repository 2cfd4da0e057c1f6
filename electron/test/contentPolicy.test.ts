import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mayOpenExternally, printContentPolicy, withPrintPolicy } from '../contentPolicy.ts';

describe("what the desk's windows may reach", () => {
  it('opens no address in the browser that the app does not link to', () => {
    for (const url of ['https://evil.example/', 'https://gov.cn/', 'http://127.0.0.1:5170/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(mayOpenExternally(url), url).toBe(false);
    }
  });

  it('prints with a policy that runs no script of the page and loads nothing from outside', () => {
    const html = withPrintPolicy('<!doctype html><html><head><title>回执</title></head><body><script>alert(1)</script></body></html>');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<title>'));
    expect(printContentPolicy).toContain("script-src 'none'");
    expect(printContentPolicy).toContain("default-src 'none'");
    expect(withPrintPolicy('<p>x</p>')).toContain('Content-Security-Policy');
  });

  it('is what the main process applies: permission checks refused, links and printing through the policy', () => {
    const security = fs.readFileSync('electron/security.ts', 'utf8');
    expect(security).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(security).toMatch(/if \(mayOpenExternally\(url\)\) void shell\.openExternal\(url\)/);
    expect(fs.readFileSync('electron/print.ts', 'utf8')).toContain('encodeURIComponent(withPrintPolicy(request.html))');
  });
});
