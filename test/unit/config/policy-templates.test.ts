/**
 * The templates in build/policy/ are generated from the schema: they must be current, be
 * well-formed XML with every reference resolved (xmllint), and carry settings the readers turn
 * back into the same configuration: the ADMX through what Group Policy writes into the registry,
 * the .mobileconfig through the plist macOS writes into Managed Preferences, the JSON example as is.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildBinary, parse, type PlistValue } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingKeys, type DesktopConfigState } from '../../../common/desktop-config-schema.ts';
import { loadDesktopConfig } from '../../../main/core/config/load-desktop-config.ts';
import { managedPreferencesSource } from '../../../main/core/config/managed-preferences-source.ts';
import type { PolicySource } from '../../../main/core/config/policy-source.ts';
import { registryPolicySource } from '../../../main/core/config/registry-policy-source.ts';
import { examplePolicy } from '../../../scripts/policy-templates/example-policy.ts';
import {
  policyTemplatesDir,
  renderPolicyTemplates,
} from '../../../scripts/policy-templates/render-policy-templates.ts';
import { regExeStandIn } from './policy-fixtures.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const templates = path.join(root, policyTemplatesDir);
const admx = path.join(templates, 'box-sso-desktop.admx');
const adml = path.join(templates, 'en-US', 'box-sso-desktop.adml');
const mobileconfig = path.join(templates, 'box-sso-desktop.mobileconfig');

async function xpath(file: string, expression: string): Promise<string> {
  const { stdout } = await run('xmllint', ['--xpath', expression, file]);
  return stdout.trim();
}

/** Every `name="value"` that xmllint prints for an attribute query. */
async function attributes(file: string, expression: string): Promise<string[]> {
  const text = await xpath(file, expression);
  return [...text.matchAll(/\w+="([^"]*)"/g)].map((match) => match[1] ?? '');
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'policy-templates-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function loadWith(sources: PolicySource[], policyFile = path.join(work, 'absent.json')): Promise<DesktopConfigState> {
  return loadDesktopConfig({
    files: {
      policyFile,
      userSettingsFile: path.join(work, 'absent-settings.json'),
      bundledSettingsFile: path.join(work, 'absent-bundled.json'),
    },
    nativePolicySources: sources,
    isDevelopment: false,
    env: {},
  });
}

describe('build/policy/', () => {
  it('is what the generator writes from the current schema (run node scripts/generate-policy-templates.ts)', async () => {
    for (const [name, content] of renderPolicyTemplates()) {
      expect(await readFile(path.join(templates, name), 'utf8'), `${name} is stale`).toBe(content);
    }
  });

  it('holds well-formed XML (xmllint)', async () => {
    for (const file of [admx, adml, mobileconfig])
      await expect(run('xmllint', ['--noout', file])).resolves.toBeDefined();
  });

  it('has an enforced and a default policy for every setting, each under the policy key', async () => {
    const names = await attributes(admx, "//*[local-name()='policy']/@name");
    for (const key of settingKeys) expect(names).toEqual(expect.arrayContaining([key, `${key}_Default`]));
    const keys = new Set(await attributes(admx, "//*[local-name()='policy']/@key"));
    expect(keys).toEqual(
      new Set(['Software\\Policies\\BoxSSO\\Desktop', 'Software\\Policies\\BoxSSO\\Desktop\\Defaults']),
    );
  });

  it('resolves every string and presentation the ADMX refers to in the English ADML', async () => {
    const strings = new Set(await attributes(adml, "//*[local-name()='stringTable']/*/@id"));
    const presentations = new Set(await attributes(adml, "//*[local-name()='presentation']/@id"));
    const referenced = await attributes(admx, '//@*');
    const stringRefs = referenced.flatMap((value) => /^\$\(string\.(.+)\)$/.exec(value)?.[1] ?? []);
    const presentationRefs = referenced.flatMap((value) => /^\$\(presentation\.(.+)\)$/.exec(value)?.[1] ?? []);
    expect(stringRefs.length).toBeGreaterThan(settingKeys.length * 4);
    for (const id of stringRefs) expect(strings, `string ${id}`).toContain(id);
    for (const id of presentationRefs) expect(presentations, `presentation ${id}`).toContain(id);
    // Each presentation control names an element of its own policy.
    for (const id of presentationRefs) {
      const refIds = await attributes(adml, `//*[local-name()='presentation'][@id='${id}']/*/@refId`);
      const elementIds = await attributes(
        admx,
        `//*[local-name()='policy'][@name='${id}']/*[local-name()='elements']/*/@id`,
      );
      expect(refIds, id).toEqual(elementIds);
    }
  });

  it('the JSON example is a complete policy: enforced settings locked, its defaults left to the user', async () => {
    const state = layered(await loadWith([], path.join(templates, 'policy.example.json')));
    expect(state.config.loginHint).toBe('first.last@example.com');
    expect(state.sources).toMatchObject({ issuer: 'policy', loginHint: 'policy-default', boxApiUrl: 'default' });
    expect(state.lockedKeys).toContain('updateUrl');
    expect(state.lockedKeys).not.toContain('loginHint');
  });

  it('ADMX → registry: what Group Policy writes for the example reads back as the example', async () => {
    const policy = examplePolicy();
    const lines = ['Windows Registry Editor Version 5.00', ''];
    const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\BoxSSO\\Desktop';
    const sections: [string, string, Record<string, unknown>][] = [
      [key, '', policy],
      [`${key}\\Defaults`, '_Default', policy.defaults ?? {}],
    ];
    for (const [registryKey, suffix, values] of sections) {
      lines.push(`[${registryKey}]`);
      for (const [name, value] of Object.entries(values)) {
        if (name === 'defaults') continue;
        const element = await xpath(
          admx,
          `local-name(//*[local-name()='policy'][@name='${name}${suffix}']/*[local-name()='elements']/*)`,
        );
        lines.push(`"${name}"=${registryData(element, value)}`);
      }
      lines.push('');
    }
    const exportFile = path.join(work, 'from-admx.reg');
    await writeFile(exportFile, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]));
    const regExe = regExeStandIn({ [key]: exportFile });
    const fromRegistry = await loadWith([
      registryPolicySource({ hive: 'HKEY_LOCAL_MACHINE', runCommand: regExe.run, regExe: 'reg.exe' }),
    ]);
    const fromJson = await loadWith([], path.join(templates, 'policy.example.json'));
    expect(layered(fromRegistry)).toEqual(layered(fromJson));
  });

  it('.mobileconfig → managed preferences: the Forced settings, written as the binary plist macOS keeps, read back as the example', async () => {
    const profile = parse(await readFile(mobileconfig, 'utf8')) as Record<string, PlistValue>;
    const payload = (profile.PayloadContent as Record<string, PlistValue>[])[0] ?? {};
    expect(payload.PayloadType).toBe('com.apple.ManagedClient.preferences');
    const domain = (payload.PayloadContent as Record<string, { Forced: { mcx_preference_settings: PlistValue }[] }>)[
      'com.example.box-sso-desktop'
    ];
    const settings = domain?.Forced[0]?.mcx_preference_settings;
    expect(settings).toEqual(examplePolicy());

    const managed = path.join(work, 'com.example.box-sso-desktop.plist');
    await writeFile(managed, buildBinary(settings ?? null));
    const fromPlist = await loadWith([managedPreferencesSource(managed)]);
    const fromJson = await loadWith([], path.join(templates, 'policy.example.json'));
    expect(layered(fromPlist)).toEqual(layered(fromJson));
  });
});

/** The registry data GP writes for an ADMX element kind (none: a switch, enabledValue/disabledValue). */
function registryData(element: string, value: unknown): string {
  if (element === '') return `dword:0000000${value === true ? 1 : 0}`;
  if (element === 'multiText') {
    const bytes = Buffer.from(`${(value as unknown[]).map(String).join('\0')}\0\0`, 'utf16le');
    return `hex(7):${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(',')}`;
  }
  return `"${String(value)}"`;
}

/** What must agree between sources: the values, where each layer put them, and the locks (not the source names). */
function layered(state: DesktopConfigState) {
  if (state.status !== 'ok') throw new Error(state.error.message);
  const { config, sources, lockedKeys } = state.effective;
  return { config, sources, lockedKeys };
}
