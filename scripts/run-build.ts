import { spawnSync } from 'node:child_process';

/** Builds main, preload and renderer into out/ (the app runs from the built files, as when packaged). */
export function buildApp(): void {
  const result = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
