import { readFile } from 'node:fs/promises';
import { build } from 'vite';
import { packagesBundledIntoMain } from '../../main/electron/bundled-packages.ts';

/** Two folders down from the repository, where `new URL('../../package.json', import.meta.url)` still finds package.json. */
const outDir = 'out/bench-launch';

/**
 * Bundles bench/launch/app-process.ts into one file, as electron-vite bundles the app's main
 * process (out/main/index.js): a user's launch loads one bundle, not hundreds of TypeScript
 * sources stripped one by one, which is what `node bench/launch/app-process.ts` would time.
 * Packages are built in or left in node_modules as electron.vite.config.ts does for the app's main
 * bundle: our dependencies stay out but for those of bundled-packages.ts, everything else goes in.
 */
export async function bundleAppProcess(): Promise<string> {
  const { dependencies } = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies: Record<string, string> };
  const leftInNodeModules = Object.keys(dependencies).filter((name) => !packagesBundledIntoMain.includes(name));
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { target: 'node', noExternal: true, external: leftInNodeModules },
    build: {
      // The entry turns on the compile cache, then imports app-process.ts, a chunk of its own.
      ssr: 'bench/launch/app-launch.ts',
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'esm', entryFileNames: 'app-launch.js', chunkFileNames: '[name].js' } },
    },
  });
  return `${outDir}/app-launch.js`;
}
