import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { packagesBundledIntoMain } from './main/electron/bundled-packages.ts';

/**
 * Builds the three Electron bundles into out/: main (ESM; the packages of bundled-packages.ts
 * built in, the other dependencies, keytar's native module among them, loaded from
 * node_modules), preload (one self-contained CommonJS file, the only form a sandboxed preload
 * accepts) and the React renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: packagesBundledIntoMain },
      sourcemap: false,
      rolldownOptions: {
        input: {
          // The entry: turns on the compile cache, then imports index (main/electron/launch.ts).
          launch: resolve(import.meta.dirname, 'main/electron/launch.ts'),
          index: resolve(import.meta.dirname, 'main/electron/index.ts'),
          // A worker_threads entry of its own, loaded beside index.js (main/core/transfers/thread-batch-sink.ts).
          'sink-thread': resolve(import.meta.dirname, 'main/core/transfers/sink-thread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      sourcemap: false,
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      sourcemap: false,
      minify: true,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
