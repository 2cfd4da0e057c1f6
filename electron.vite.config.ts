import fs from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * pdf.js needs its character maps (Chinese PDFs with fonts that are not embedded) and the 14
 * standard fonts at run time, fetched from `pdfjs/` beside index.html: copied into the build,
 * served from node_modules in development.
 */
function pdfjsAssets(): Plugin {
  const source = resolve('node_modules/pdfjs-dist');
  const folders = ['cmaps', 'standard_fonts'];
  return {
    name: 'desk-pdfjs-assets',
    generateBundle() {
      for (const folder of folders) {
        for (const name of fs.readdirSync(join(source, folder))) {
          if (name.endsWith('.md')) continue;
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: fs.readFileSync(join(source, folder, name)) });
        }
      }
    },
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const [folder, name] = (req.url ?? '').split('?')[0]?.split('/').filter(Boolean) ?? [];
        if (!folder || !name || !folders.includes(folder) || name.includes('..')) return next();
        const file = join(source, folder, name);
        if (!fs.existsSync(file)) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        fs.createReadStream(file).pipe(res);
      });
    },
  };
}

/** One build for the three Electron pieces; the renderer output is also what the browser host serves. */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // JSON data is bundled: an external ESM import of JSON would need an import attribute.
      externalizeDeps: { exclude: ['chinese-days'] },
      rollupOptions: { input: { main: resolve('electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle what it imports.
      externalizeDeps: false,
      rollupOptions: { input: { preload: resolve('electron/preload.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react(), pdfjsAssets()],
  },
});
