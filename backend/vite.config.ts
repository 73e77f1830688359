import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the backend into one Node ESM file, out-backend/main.js, with its dependencies
 * bundled, so a deployment copies a single file and runs `node main.js` without npm.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  // whatwg-url (under node-fetch) means the userland punycode, not Node's deprecated built-in.
  resolve: { alias: { punycode: 'punycode/' } },
  ssr: {
    target: 'node',
    noExternal: true,
    external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
  },
  build: {
    ssr: fileURLToPath(new URL('main.ts', import.meta.url)),
    outDir: 'out-backend',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      output: { format: 'esm', entryFileNames: 'main.js', codeSplitting: false },
    },
  },
});
