/** "Copy diagnostics" and "Save diagnostics…" through the core's handler table, as the renderer reaches them. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopConfigState } from '../../../common/desktop-config-schema.ts';
import { createCore, type Core } from '../../../main/core/create-core.ts';
import { diagnosticsFileName } from '../../../main/core/diagnostics/diagnostics-handlers.ts';

const brokenConfig: DesktopConfigState = {
  status: 'error',
  error: {
    file: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\BoxSSO\\Desktop',
    field: 'updatesEnabled',
    message: '"updatesEnabled": Invalid input: expected boolean, received string',
    problem: { kind: 'wrongType', params: { expected: 'boolean' } },
  },
};

let folder: string;
let core: Core;
let copied: string[];
let savePathAnswer: string | null;
let suggestedNames: string[];
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'diagnostics-channels-'));
  copied = [];
  suggestedNames = [];
  savePathAnswer = path.join(folder, 'report.txt');
  core = createCore({
    appInfo: { name: 'Box SSO Desktop', version: '1.2.3', platform: 'linux', mode: 'company', languages: ['en-US'] },
    config: brokenConfig,
    dataDir: folder,
    effects: {
      openExternal: () => Promise.resolve(),
      copyText: (text) => {
        copied.push(text);
      },
      dialogs: {
        chooseSavePath: (name) => {
          suggestedNames.push(name);
          return Promise.resolve(savePathAnswer);
        },
        chooseDownloadFolder: () => Promise.resolve(null),
        chooseFilesToUpload: () => Promise.resolve(null),
      },
    },
  });
});
afterEach(async () => {
  await core.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('diagnostics channels', () => {
  it('copy puts the report on the clipboard, even when the configuration is broken', async () => {
    await core.handlers['diagnostics:copy']();
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain('configuration error: "updatesEnabled": Invalid input: expected boolean');
    expect(copied[0]).toContain('source: HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\BoxSSO\\Desktop');
    expect(copied[0]).toContain('disabled, configuration-error');
  });

  it('save asks where, suggesting a dated name, writes the report there and answers the path', async () => {
    const saved = await core.handlers['diagnostics:save']();
    expect(saved).toBe(path.join(folder, 'report.txt'));
    expect(suggestedNames).toEqual([
      expect.stringMatching(/^box-sso-desktop-diagnostics-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.txt$/),
    ]);
    expect(await readFile(path.join(folder, 'report.txt'), 'utf8')).toContain('# Box SSO Desktop diagnostics');
  });

  it('save writes nothing when the user cancels the dialog', async () => {
    savePathAnswer = null;
    expect(await core.handlers['diagnostics:save']()).toBeNull();
  });

  it('keeps a refused request in the error log, and the next report shows it', async () => {
    await expect(core.handlers['box:listFolder']({ folderId: '0' })).rejects.toThrow(/not configured correctly/);
    await core.handlers['diagnostics:copy']();
    expect(copied[0]).toMatch(
      /## Recent errors \(1\)\n.*\[box:listFolder\] config_invalid Box SSO Desktop is not configured correctly/,
    );
  });

  it('names files for every OS (no colons)', () => {
    expect(diagnosticsFileName(new Date('2026-12-01T23:04:05.678Z'))).toBe(
      'box-sso-desktop-diagnostics-2026-12-01-23-04-05.txt',
    );
  });
});
