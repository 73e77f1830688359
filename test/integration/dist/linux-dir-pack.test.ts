/**
 * Packs `--linux dir` offline with a stand-in Electron and checks what would ship: app.asar
 * holds the built out/ files and package.json and nothing else of ours, the bundled settings
 * and the icon sit in resources/, and the security fuses are flipped in the executable.
 */
import { extractAll, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfigFiles } from '../../../main/core/config/config-files.ts';
import { loadDesktopConfig } from '../../../main/core/config/load-desktop-config.ts';
import { repoRoot, stageProject, type StagedProject } from './staged-project.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;

const companySettings = {
  issuer: 'https://login.example.com/tenant/v2.0',
  clientId: 'desktop-client',
  backendUrl: 'https://box-sso.example.com',
};

let project: StagedProject;
let unpacked: string;
let asarFiles: string[];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

beforeAll(async () => {
  project = await stageProject({ bundledSettings: companySettings });
  const started = performance.now();
  await run(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--linux',
      'dir',
      '--projectDir',
      project.dir,
      `-c.electronDist=${project.electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      '-c.npmRebuild=false',
    ],
    { cwd: project.dir, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, maxBuffer: 16 * 1024 * 1024 },
  );
  console.info(
    `electron-builder --linux dir took ${Math.round(performance.now() - started)} ms (out/ ${project.outIsStandIn ? 'stand-in' : 'from npm run build'})`,
  );
  unpacked = path.join(project.dir, 'dist', 'linux-unpacked');
  const archive = path.join(unpacked, 'resources', 'app.asar');
  asarFiles = listPackage(archive, { isPack: false })
    .map((entry) => entry.replace(/^[/\\]/, ''))
    .filter((entry) => !('files' in statFile(archive, entry, false)))
    .map((file) => file.split(path.sep).join('/'));
}, 240_000);

afterAll(async () => {
  await project?.remove();
});

describe('app.asar', () => {
  it('holds every built out/ file except source maps, and package.json', async () => {
    // The app's three bundles; out/ may also hold what benchmarks built for themselves (out/bench-launch).
    const built = (
      await Promise.all(
        ['main', 'preload', 'renderer'].map(async (part) =>
          (await filesUnder(path.join(project.dir, 'out', part))).map(
            (file) => `out/${part}/${file.split(path.sep).join('/')}`,
          ),
        ),
      )
    ).flat();
    // out/ always holds a source map here (the stand-in's, or one planted beside a real build): none may be packed.
    expect(built.some((file) => file.endsWith('.map'))).toBe(true);
    for (const file of built.filter((name) => !name.endsWith('.map'))) expect(asarFiles).toContain(file);
    expect(asarFiles).toContain('package.json');
  });

  it('holds the production dependencies the main process needs', () => {
    for (const dependency of ['box-node-sdk', 'http-parser-js', 'keytar', 'openid-client', 'zod']) {
      expect(asarFiles).toContain(`node_modules/${dependency}/package.json`);
    }
  });

  it('still loads the pure-JavaScript dependencies after the file filters', async () => {
    // keytar is left out: its native module is built for this Node, not for Electron.
    const extracted = path.join(project.dir, 'extracted-asar');
    extractAll(path.join(unpacked, 'resources', 'app.asar'), extracted);
    const script = `const names = ['box-node-sdk', 'openid-client', 'zod'];
      const loaded = await Promise.all(names.map((name) => import(name)));
      console.log(JSON.stringify(loaded.map((module) => Object.keys(module).length > 0)));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: extracted });
    expect(JSON.parse(stdout)).toEqual([true, true, true]);
  });

  it('holds nothing from test/, backend/, sandbox/ or the other source folders', () => {
    const ours = asarFiles.filter((file) => !file.startsWith('node_modules/'));
    expect(ours.filter((file) => !file.startsWith('out/') && file !== 'package.json')).toEqual([]);
    for (const folder of ['test', 'backend', 'sandbox', 'main', 'common', 'renderer', 'preload', 'build', 'config']) {
      expect(asarFiles.filter((file) => file.startsWith(`${folder}/`))).toEqual([]);
    }
  });

  it('holds no TypeScript sources and no source maps, not even inside node_modules', () => {
    expect(asarFiles.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file))).toEqual([]);
    expect(asarFiles.filter((file) => file.endsWith('.map'))).toEqual([]);
  });
});

describe('resources', () => {
  it('carry the bundled settings from config/, where the config loader finds them', async () => {
    const resourcesDir = path.join(unpacked, 'resources');
    const packed = await readFile(path.join(resourcesDir, 'bundled-settings.json'), 'utf8');
    expect(packed).toBe(await readFile(path.join(project.dir, 'config', 'bundled-settings.json'), 'utf8'));

    const files = defaultConfigFiles({
      platform: 'linux',
      env: {},
      userDataDir: path.join(project.dir, 'no-user-data'),
      resourcesDir,
    });
    const state = await loadDesktopConfig({
      files: { ...files, policyFile: path.join(project.dir, 'no-policy.json') },
      isDevelopment: false,
      env: {},
    });
    expect(state).toMatchObject({
      status: 'ok',
      effective: {
        config: companySettings,
        sources: { issuer: 'bundled', clientId: 'bundled', backendUrl: 'bundled' },
      },
    });
  });

  it('carry the policy templates generated into build/policy/, for IT', async () => {
    for (const name of [
      'box-sso-desktop.admx',
      'en-US/box-sso-desktop.adml',
      'box-sso-desktop.mobileconfig',
      'policy.example.json',
    ]) {
      const packed = await readFile(path.join(unpacked, 'resources', 'policy', name), 'utf8');
      expect(packed, name).toBe(await readFile(path.join(project.dir, 'build', 'policy', name), 'utf8'));
    }
  });

  it('carry the window icon rendered from build/icon.svg', async () => {
    const packed = await readFile(path.join(unpacked, 'resources', 'icon.png'));
    expect(packed.equals(await readFile(path.join(repoRoot, 'build', 'icons', '512x512.png')))).toBe(true);
  });

  it('unpack native modules (keytar) next to the asar so that they can load', async () => {
    const unpackedModules = await filesUnder(path.join(unpacked, 'resources', 'app.asar.unpacked'));
    expect(
      unpackedModules.some((file) => file.startsWith(path.join('node_modules', 'keytar')) && file.endsWith('.node')),
    ).toBe(true);
  });
});

describe('the executable', () => {
  it('is named after linux.executableName', async () => {
    expect((await stat(path.join(unpacked, 'box-sso-desktop'))).isFile()).toBe(true);
  });

  it('has the security fuses flipped from Electron defaults', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'box-sso-desktop'));
    const on = 49;
    const off = 48;
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      enableCookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      enableNodeOptionsEnvironmentVariable: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      enableNodeCliInspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      enableEmbeddedAsarIntegrityValidation: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
    }).toEqual({
      runAsNode: off,
      enableCookieEncryption: on,
      enableNodeOptionsEnvironmentVariable: off,
      enableNodeCliInspectArguments: off,
      enableEmbeddedAsarIntegrityValidation: on,
      onlyLoadAppFromAsar: on,
    });
  });
});
