/**
 * The packages built into the main bundle instead of being loaded from node_modules at launch.
 * Each of them is hundreds of small modules (box-node-sdk 165, zod 95, …); Node resolving,
 * reading and linking them one by one took more of the launch's CPU than running them
 * (docs/launch.md). What stays out: keytar (a native module), Electron's own modules, and what
 * loads later and on its own (electron-updater when updates are on; pac-resolver and its
 * QuickJS WebAssembly, read from a file beside it, with the first PAC file).
 * The app's build (electron.vite.config.ts) and the launch benchmark's bundle both use this list.
 */
export const packagesBundledIntoMain = [
  'box-node-sdk',
  'zod',
  'openid-client',
  'http-parser-js',
  'proxy-from-env',
  'socks',
  'plist',
];
