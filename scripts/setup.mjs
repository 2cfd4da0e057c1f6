#!/usr/bin/env node
// One-time set-up of a fresh machine: Debian packages the tests need, npm dependencies,
// and the Electron binary where it can be downloaded. Safe to run again.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, args, options = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...options }).status === 0;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

// 1. System packages: Chromium for the e2e tests, CJK fonts so Chinese renders and prints,
//    poppler-utils to read printed PDFs back, binutils' `strings` to prove stores and backups
//    hold no readable personal data.
const debianPackages = ['chromium', 'fonts-noto-cjk', 'poppler-utils', 'binutils'];
const missing = debianPackages.filter(
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a template
  (p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true,
);
if (missing.length > 0) {
  if (!has('apt-get')) {
    console.warn(`setup: install these with your package manager: ${missing.join(' ')}`);
  } else {
    const asRoot = (args) => (process.getuid?.() === 0 ? run(args[0], args.slice(1)) : run('sudo', args));
    console.log(`setup: installing ${missing.join(' ')}`);
    process.env.DEBIAN_FRONTEND = 'noninteractive';
    const ok = asRoot(['apt-get', 'update']) && asRoot(['apt-get', 'install', '-y', ...missing]);
    if (!ok) console.warn(`setup: could not install ${missing.join(' ')}; the e2e tests need them`);
  }
}

// 2. npm dependencies. Electron's own download is skipped here (it fails where GitHub is
//    unreachable and would fail the whole install) and tried separately below.
if (!run('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } })) {
  console.error('setup: npm ci failed');
  process.exit(1);
}

// 3. The Electron binary, where it can be fetched. Without it `npm start` uses the browser host.
if (fs.existsSync('node_modules/electron/install.js')) {
  const fetched = spawnSync('node', ['install.js'], { cwd: 'node_modules/electron', stdio: 'pipe', timeout: 180_000, encoding: 'utf8' });
  if (fetched.status === 0) console.log('setup: Electron binary installed');
  else console.log('setup: the Electron binary could not be downloaded here; `npm start` will run the browser host instead');
}
