/**
 * A throw-away copy of the project that electron-builder can pack offline: the config, the
 * build resources, the built out/ tree (or a stand-in when nothing is built yet), the sources
 * that must stay out of the package, the production node_modules, and a stand-in Electron
 * (an executable carrying Electron's fuse wire, so fuse flipping is observable).
 */
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** @electron/fuses' sentinel, then wire version 1, 8 fuses, in Electron's shipped default states. */
export const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const electronDefaultFuseWire = '10110001';

export interface StagedProject {
  dir: string;
  electronDist: string;
  /** Whether out/ is the real build or a stand-in. */
  outIsStandIn: boolean;
  remove(): Promise<void>;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function stageOut(dir: string): Promise<boolean> {
  const built = await Promise.all(
    ['main', 'preload', 'renderer'].map((part) => exists(path.join(repoRoot, 'out', part))),
  );
  if (built.every(Boolean)) {
    await cp(path.join(repoRoot, 'out'), path.join(dir, 'out'), { recursive: true });
    // The real build makes no source maps; one is planted so the test always sees the packing leave maps out.
    await writeFile(path.join(dir, 'out/renderer/assets/planted-for-test.js.map'), '{"version":3,"mappings":""}');
    return false;
  }
  const standIn: Record<string, string> = {
    'out/main/launch.js': "await import('./index.js');\n",
    'out/main/index.js': 'export {};\n//# sourceMappingURL=index.js.map\n',
    'out/main/index.js.map': '{"version":3,"sources":["../../main/electron/main.ts"],"mappings":""}',
    'out/preload/index.cjs': '"use strict";\n',
    'out/renderer/index.html': '<!doctype html><title>Box SSO Desktop</title>',
    'out/renderer/assets/index.js': 'console.log(1);\n',
    'out/renderer/assets/index.js.map': '{"version":3,"sources":[],"mappings":""}',
  };
  for (const [file, content] of Object.entries(standIn)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return true;
}

/** The production dependency closure exactly as npm resolves it in the repo. */
async function stageProductionModules(dir: string): Promise<void> {
  const { stdout } = await run('npm', ['ls', '--omit', 'dev', '--all', '--parseable'], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  const packages = [...new Set(stdout.split('\n'))]
    .filter((line) => line.startsWith(path.join(repoRoot, 'node_modules') + path.sep))
    .sort();
  const copied: string[] = [];
  for (const source of packages) {
    if (copied.some((parent) => source.startsWith(parent + path.sep))) continue;
    await cp(source, path.join(dir, path.relative(repoRoot, source)), { recursive: true, verbatimSymlinks: true });
    copied.push(source);
  }
}

/** `bundledSettings` plays the IT admin who edits config/bundled-settings.json before building. */
export async function stageProject(options: { bundledSettings?: unknown } = {}): Promise<StagedProject> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dist-pack-'));
  for (const entry of ['package.json', 'electron-builder.yml', 'build', 'config']) {
    await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  // Sources that must never reach the package, copied so that the test can prove they do not.
  for (const entry of ['test', 'backend', 'sandbox', 'main', 'common', 'preload', 'renderer']) {
    if (await exists(path.join(repoRoot, entry))) {
      await cp(path.join(repoRoot, entry), path.join(dir, entry), {
        recursive: true,
        filter: (source) => !source.includes(`${path.sep}node_modules`),
      });
    }
  }
  if (options.bundledSettings !== undefined) {
    await writeFile(
      path.join(dir, 'config', 'bundled-settings.json'),
      JSON.stringify(options.bundledSettings, null, 2),
    );
  }
  const outIsStandIn = await stageOut(dir);
  await stageProductionModules(dir);

  const electronDist = path.join(dir, 'electron-dist');
  await mkdir(electronDist);
  const binary = Buffer.concat([
    Buffer.from(`#!/bin/sh\n# ${fuseSentinel}`),
    Buffer.from([1, 8]),
    Buffer.from(`${electronDefaultFuseWire}\n`),
  ]);
  await writeFile(path.join(electronDist, 'electron'), binary);
  await chmod(path.join(electronDist, 'electron'), 0o755);

  return { dir, electronDist, outIsStandIn, remove: () => rm(dir, { recursive: true, force: true }) };
}
