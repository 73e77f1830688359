/**
 * electron-builder.yml, checked offline with electron-builder's own loader and schema, plus the
 * promises the installers make to IT: every target, signing only from the environment, the
 * fuses, and an icon set that is really there in every size.
 */
import { DebugLogger } from 'builder-util';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// electron-builder's own loader and validator; they are not re-exported from its entry point.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { repoRoot } from './staged-project.ts';

const config = await getConfig(repoRoot, null, null);
const packageJson = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
  productName: string;
  version: string;
};

function targets(
  platform: Configuration['win'] | Configuration['mac'] | Configuration['linux'],
): { target: string; arch: string[] }[] {
  const list = (platform?.target ?? []) as (string | TargetConfiguration)[];
  return list.map((entry) =>
    typeof entry === 'string'
      ? { target: entry, arch: [] }
      : { target: entry.target, arch: [entry.arch ?? []].flat().map(String) },
  );
}

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(file: string): Promise<[number, number]> {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation offline', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be rejected with a misspelt option (the validation is live)', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, perMachin: true } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  });

  it('names the product and takes its version from package.json', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe(packageJson.productName);
    expect(config.copyright).toContain('${author}');
    expect(config.extraMetadata).toBeUndefined();
    expect(config.buildVersion).toBeUndefined();
  });

  it('builds every installer IT asked for', () => {
    expect(targets(config.win)).toEqual([
      { target: 'nsis', arch: ['x64', 'arm64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    expect(targets(config.mac)).toEqual([
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ]);
    expect(targets(config.linux).map((entry) => entry.target)).toEqual(['AppImage', 'deb', 'rpm']);
  });

  it('offers per-machine and per-user NSIS installs and a per-machine MSI', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.msi?.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('uses the hardened runtime with a real entitlements file and notarizes', async () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    const entitlements = await readFile(path.join(repoRoot, config.mac?.entitlements ?? 'missing'), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(entitlements).not.toContain('disable-library-validation');
  });

  it('holds no signing credential: those come only from the environment', async () => {
    const text = await readFile(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
    const keys = JSON.stringify(config).match(/"[A-Za-z]+":/g) ?? [];
    expect(keys.filter((key) => /csc|password|secret|apiKey|certificate/i.test(key))).toEqual([]);
    expect(text).not.toMatch(/-----BEGIN|\.p12|\.pfx/);
  });

  it('sets the Electron fuses of the Foundation', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });
});

describe('the icon set', () => {
  it('has a PNG in every size the Linux targets use', async () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(await pngSize(path.join(repoRoot, 'build', 'icons', `${size}x${size}.png`))).toEqual([size, size]);
    }
    expect(config.linux?.icon).toBe('build/icons');
  });

  it('has a Windows .ico up to 256 px', async () => {
    const ico = await readFile(path.join(repoRoot, config.win?.icon ?? 'missing'));
    expect(ico.readUInt16LE(2)).toBe(1); // type 1 = icon
    const count = ico.readUInt16LE(4);
    // Each directory entry is 16 bytes; a width byte of 0 means 256.
    const widths = Array.from({ length: count }, (_, index) => ico[6 + index * 16] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('has a macOS .icns with the 1024 px representation', async () => {
    const icns = await readFile(path.join(repoRoot, config.mac?.icon ?? 'missing'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10'))).toBe(true);
  });
});
