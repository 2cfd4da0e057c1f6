import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
      // electron-vite leaves the renderer unminified by default; the desk's first paint parses
      // every byte of the first chunks (the board's reload: bench/renderer/firstRender.ts).
      minify: true,
      // Two pages of one build: the desk (index.html) and the group console the server serves (console.html).
      rollupOptions: { input: { index: resolve('renderer/index.html'), console: resolve('renderer/console.html') } },
    },
    // pdf.js's character maps and standard fonts are imported as data (renderer/features/cases/evidence/pdfPages.ts).
    assetsInclude: ['**/*.bcmap', '**/*.pfb'],
    plugins: [react()],
  },
});
