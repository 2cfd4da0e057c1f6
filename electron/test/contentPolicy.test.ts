import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  mayOpenExternally,
  printContentPolicy,
  printJobOf,
  printJobUrl,
  printResponseHeaders,
  printWebPreferences,
  withPrintPolicy,
} from '../contentPolicy.ts';

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

  it('prints from a window that runs no JavaScript, in a session of its own that serves only the job, with the policy as a header', () => {
    expect(printWebPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    // In memory: a partition without `persist:` writes nothing of a printed case to disk.
    expect(printWebPreferences.partition.startsWith('persist:')).toBe(false);
    expect(printResponseHeaders['Content-Security-Policy']).toBe(printContentPolicy);
    expect(printJobOf(printJobUrl('0b6f2c1e-5d4a-4f7e-9c1a-2b3c4d5e6f70'))).toBe('0b6f2c1e-5d4a-4f7e-9c1a-2b3c4d5e6f70');
    for (const url of [
      'https://evil.example/x.png',
      'data:text/html,<p>',
      'file:///etc/passwd',
      'desk-print://job/../x',
      'desk-print://other/1',
    ]) {
      expect(printJobOf(url), url).toBeNull();
    }
  });

  it('is what the main process applies: permissions refused, links and printing through the policy', () => {
    const security = fs.readFileSync('electron/security.ts', 'utf8');
    expect(security).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(security).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/);
    expect(security).toMatch(/if \(mayOpenExternally\(url\)\) void shell\.openExternal\(url\)/);
    expect(security.match(/openExternal\(/g)).toHaveLength(1);
    const print = fs.readFileSync('electron/print.ts', 'utf8');
    expect(print).toContain('new BrowserWindow({ show: false, webPreferences: printWebPreferences })');
    expect(print).toContain('win.loadURL(printJobUrl(jobId))');
    expect(print).toContain('new Response(page, { headers: printResponseHeaders })');
    expect(print).toContain('callback({ cancel: printJobOf(details.url) === null })');
    // Nothing runs in the printed page, and nothing is loaded from a data: address.
    expect(print).not.toMatch(/executeJavaScript|data:text\/html/);
  });

  it('leaves no other way to open an address outside the app', () => {
    const electronFiles = fs.readdirSync('electron').filter((f) => f.endsWith('.ts'));
    const opening = electronFiles.filter((f) => /openExternal|openPath|loadURL\(`data:/.test(fs.readFileSync(`electron/${f}`, 'utf8')));
    expect(opening).toEqual(['security.ts']);
  });
});
