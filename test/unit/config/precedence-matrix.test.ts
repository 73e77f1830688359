/**
 * Precedence over every pair of source × layer: for each pair, exactly those two layers set
 * `loginHint` (read from real fixture files by the real readers) and the stronger must win,
 * locked exactly when an enforced layer sets it.
 */
import { describe, expect, it } from 'vitest';
import type { ConfigSource, DesktopConfigState } from '../../../common/desktop-config-schema.ts';
import { managedPreferencesSource } from '../../../main/core/config/managed-preferences-source.ts';
import { loadDesktopConfig } from '../../../main/core/config/load-desktop-config.ts';
import { registryPolicySource } from '../../../main/core/config/registry-policy-source.ts';
import { fixture, regExeStandIn } from './policy-fixtures.ts';

type Variant = 'enforced' | 'defaults' | 'both';
const policySources = {
  windows: ['hklm', 'hkcu', 'policy'],
  macos: ['mac-machine', 'mac-user', 'policy'],
} as const;
type Platform = keyof typeof policySources;

interface Position {
  /** The policy source or the plain source ('environment', 'user', 'bundled'). */
  source: string;
  layer: 'enforced' | 'default' | 'plain';
}

/** Strongest first, as docs/it-admin.md states it. */
function positions(platform: Platform): Position[] {
  const policies = policySources[platform];
  return [
    ...policies.map((source): Position => ({ source, layer: 'enforced' })),
    { source: 'environment', layer: 'plain' },
    { source: 'user', layer: 'plain' },
    ...policies.map((source): Position => ({ source, layer: 'default' })),
    { source: 'bundled', layer: 'plain' },
  ];
}

function label(position: Position): string {
  return position.layer === 'plain' ? position.source : `${position.source} ${position.layer}`;
}

/** What `loginHint` is in the fixture for a position. */
function valueAt(position: Position): string {
  return position.layer === 'plain' ? position.source : `${position.source}-${position.layer}`;
}

function variantOf(source: string, present: Position[]): Variant | undefined {
  const layers = present.filter((position) => position.source === source).map((position) => position.layer);
  if (layers.includes('enforced') && layers.includes('default')) return 'both';
  return layers.includes('enforced') ? 'enforced' : layers.includes('default') ? 'defaults' : undefined;
}

const registryKeys: Record<string, string> = {
  hklm: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\BoxSSO\\Desktop',
  hkcu: 'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\BoxSSO\\Desktop',
};
const absent = fixture('precedence/absent');

function load(platform: Platform, present: Position[]): Promise<DesktopConfigState> {
  const has = (source: string) => present.some((position) => position.source === source);
  const file = (source: string, extension: string) => {
    const variant = variantOf(source, present);
    return variant === undefined ? absent : fixture(`precedence/${source}-${variant}.${extension}`);
  };
  let nativePolicySources;
  if (platform === 'windows') {
    const exports: Record<string, string> = {};
    for (const source of ['hklm', 'hkcu']) if (has(source)) exports[registryKeys[source] ?? ''] = file(source, 'reg');
    const regExe = regExeStandIn(exports);
    nativePolicySources = (['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER'] as const).map((hive) =>
      registryPolicySource({ hive, runCommand: regExe.run, regExe: 'C:\\Windows\\System32\\reg.exe' }),
    );
  } else {
    nativePolicySources = [
      managedPreferencesSource(file('mac-machine', 'plist')),
      managedPreferencesSource(file('mac-user', 'plist')),
    ];
  }
  return loadDesktopConfig({
    files: {
      policyFile: file('policy', 'json'),
      userSettingsFile: has('user') ? fixture('precedence/user-settings.json') : absent,
      bundledSettingsFile: fixture(`precedence/${has('bundled') ? 'bundled-with-login-hint' : 'bundled-base'}.json`),
    },
    nativePolicySources,
    isDevelopment: has('environment'),
    env: has('environment') ? { BOX_SSO_LOGIN_HINT: 'environment' } : {},
  });
}

function expectedSource(position: Position): ConfigSource {
  if (position.layer === 'enforced') return 'policy';
  if (position.layer === 'default') return 'policy-default';
  return position.source as ConfigSource;
}

interface Case {
  name: string;
  platform: Platform;
  stronger: Position;
  weaker: Position;
}

function pairs(platform: Platform, onlyWith?: readonly string[]): Case[] {
  const ordered = positions(platform);
  const cases: Case[] = [];
  ordered.forEach((stronger, index) => {
    for (const weaker of ordered.slice(index + 1)) {
      // macOS differs from Windows only in its native sources: the other pairs are the same case.
      if (onlyWith !== undefined && !onlyWith.includes(stronger.source) && !onlyWith.includes(weaker.source)) continue;
      cases.push({ name: `${platform}: ${label(stronger)} beats ${label(weaker)}`, platform, stronger, weaker });
    }
  });
  return cases;
}

const cases = [...pairs('windows'), ...pairs('macos', ['mac-machine', 'mac-user'])];

describe('precedence over every source × layer pair', () => {
  it('covers at least 30 combinations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name', async ({ platform, stronger, weaker }) => {
    const state = await load(platform, [stronger, weaker]);
    if (state.status !== 'ok') throw new Error(`expected a valid configuration: ${state.error.message}`);
    const { config, sources, lockedKeys, ignoredUserKeys } = state.effective;
    expect(config.loginHint).toBe(valueAt(stronger));
    expect(sources.loginHint).toBe(expectedSource(stronger));
    const locked = stronger.layer === 'enforced' || weaker.layer === 'enforced';
    expect(lockedKeys.includes('loginHint')).toBe(locked);
    const userSetIt = [stronger, weaker].some((position) => ['environment', 'user'].includes(position.source));
    expect(ignoredUserKeys.includes('loginHint')).toBe(locked && userSetIt);
  });

  it.each(['windows', 'macos'] as const)(
    '%s: with every layer present, the machine enforced value wins',
    async (platform) => {
      const state = await load(platform, positions(platform));
      if (state.status !== 'ok') throw new Error(state.error.message);
      expect(state.effective.config.loginHint).toBe(`${policySources[platform][0]}-enforced`);
    },
  );

  it('with no layer setting it, the setting has no value and is the user’s', async () => {
    const state = await load('windows', []);
    if (state.status !== 'ok') throw new Error(state.error.message);
    expect(state.effective.config.loginHint).toBeUndefined();
    expect(state.effective.lockedKeys).toEqual([]);
  });
});
