/**
 * The settings screen over the real core: configuration loaded by the real loader from policy
 * and settings files, the core's handler table behind the bridge, settings.json really written.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bridgeGlobalName, type BoxDesktopBridge, type IpcResult } from '../../../common/ipc-contract.ts';
import { loadDesktopConfig } from '../../../main/core/config/load-desktop-config.ts';
import { createCore, type Core } from '../../../main/core/create-core.ts';
import { dispatchRequest } from '../../../main/core/ipc/dispatch-request.ts';
import { SettingsScreen } from '../../../renderer/src/settings/settings-screen.tsx';

const companyPolicy = {
  issuer: 'https://login.example.com/tenant',
  clientId: 'company-client',
  backendUrl: 'https://box-sso.example.com',
  updatesEnabled: false,
  defaults: { loginHint: 'first.last@example.com' },
};

let folder: string;
let core: Core;
let copied: string[];
const userSettingsFile = () => path.join(folder, 'user', 'settings.json');

async function open(policy: Record<string, unknown>) {
  const policyFile = path.join(folder, 'policy.json');
  await writeFile(policyFile, JSON.stringify(policy));
  const config = await loadDesktopConfig({
    files: { policyFile, userSettingsFile: userSettingsFile(), bundledSettingsFile: path.join(folder, 'none.json') },
    isDevelopment: false,
    env: {},
  });
  core = createCore({
    appInfo: { name: 'Box SSO Desktop', version: '1.2.3', platform: 'linux', mode: 'company', languages: ['en-US'] },
    config,
    dataDir: folder,
    userSettingsFile: userSettingsFile(),
    effects: {
      openExternal: () => Promise.resolve(),
      copyText: (text) => {
        copied.push(text);
      },
      dialogs: {
        chooseSavePath: () => Promise.resolve(null),
        chooseDownloadFolder: () => Promise.resolve(null),
        chooseFilesToUpload: () => Promise.resolve(null),
      },
    },
  });
  const bridge: BoxDesktopBridge = {
    invoke: (channel, ...request) =>
      dispatchRequest(core.handlers, channel, request[0], (_channel, description) => {
        throw new Error(description);
      }) as Promise<IpcResult<never>>,
    on: () => () => undefined,
    uploadDroppedFiles: () => Promise.resolve({ ok: true, value: [] }),
  };
  Object.defineProperty(window, bridgeGlobalName, { value: bridge, configurable: true });
  const user = { name: 'Alice Example', email: 'alice@example.com', boxUserId: '31337' };
  render(<SettingsScreen config={config} user={user} info={null} onClose={() => undefined} />);
}

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'settings-screen-'));
  await mkdir(path.join(folder, 'user'));
  copied = [];
});
afterEach(async () => {
  Reflect.deleteProperty(window, bridgeGlobalName);
  await core.dispose();
  await rm(folder, { recursive: true, force: true });
});

function row(label: string): HTMLElement {
  const element = screen.getByText(label).closest('.setting-row');
  if (!(element instanceof HTMLElement)) throw new Error(`no setting row "${label}"`);
  return element;
}

describe('the settings screen', () => {
  it('shows the account and every enforced setting read-only, marked "Set by your organization"', async () => {
    await open(companyPolicy);
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByText('Alice Example')).toBeInTheDocument();
    const issuer = row('Company sign-in');
    // Plain output, not a field: nothing to edit (aria-readonly is not allowed on it, axe says).
    expect(within(issuer).getByText('https://login.example.com/tenant').tagName).toBe('OUTPUT');
    expect(within(issuer).getByText('Set by your organization')).toBeInTheDocument();
    expect(within(issuer).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('lets the user change a setting the policy only suggests, and writes it to settings.json', async () => {
    await open(companyPolicy);
    const hint = row('Sign-in name to suggest');
    expect(within(hint).getByText('Your organization’s default')).toBeInTheDocument();
    const field = within(hint).getByRole('textbox');
    await userEvent.clear(field);
    await userEvent.type(field, 'alice@example.com');
    await userEvent.click(within(hint).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/applies the next time you start/)).toBeInTheDocument();
    expect(JSON.parse(await readFile(userSettingsFile(), 'utf8'))).toEqual({ loginHint: 'alice@example.com' });
  });

  it('updates: a locked channel has no control, and "Check now" is off when the policy turns updates off', async () => {
    await open({ ...companyPolicy, updateChannel: 'beta' });
    await userEvent.click(screen.getByRole('button', { name: 'Updates' }));
    expect(await screen.findByText(/turned off by your organization/)).toBeInTheDocument();
    const channel = row('Update channel');
    expect(within(channel).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(channel).getByText('Set by your organization')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check now' })).toBeDisabled();
  });

  it('updates: an unlocked channel is a choice the user saves', async () => {
    await open(companyPolicy);
    await userEvent.click(screen.getByRole('button', { name: 'Updates' }));
    await userEvent.selectOptions(within(row('Update channel')).getByRole('combobox'), 'beta');
    await screen.findByText(/applies the next time you start/);
    expect(JSON.parse(await readFile(userSettingsFile(), 'utf8'))).toEqual({ updateChannel: 'beta' });
  });

  it('the core refuses to save a locked setting even when asked directly', async () => {
    await open({ ...companyPolicy, loginHint: 'locked@example.com' });
    await expect(
      core.handlers['settings:setUserSetting']({ key: 'loginHint', value: 'x@example.com' }),
    ).rejects.toThrow(/set by your organization/);
  });

  it('network, storage with a clear action, and copy diagnostics from About', async () => {
    await open(companyPolicy);
    await userEvent.click(screen.getByRole('button', { name: 'Network' }));
    // The effective proxy and certificate sources (main/core/network/network-summary.ts); no Chromium here.
    expect(await screen.findByText(/HTTPS_PROXY, HTTP_PROXY and NO_PROXY/)).toBeInTheDocument();
    expect(screen.getByText(/^\d+ roots built into the app$/)).toBeInTheDocument();
    expect(screen.getByText(/^\d+ from the operating system’s store$/)).toBeInTheDocument();

    await core.handlers['diagnostics:copy']();
    await expect(core.handlers['box:listFolder']({ folderId: '0' })).rejects.toThrow();
    await userEvent.click(screen.getByRole('button', { name: 'Storage' }));
    const clear = await screen.findByRole('button', { name: 'Clear' });
    await userEvent.click(clear);
    await expect.poll(() => screen.getByText(/Diagnostics error log: 0 bytes/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'About' }));
    await userEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(await screen.findByText(/Diagnostics copied/)).toBeInTheDocument();
    expect(copied.at(-1)).toContain('loginHint: "first.last@example.com"  (policy-default');
    expect(copied.at(-1)).toMatch(/Proxy: the HTTPS_PROXY, HTTP_PROXY and NO_PROXY environment variables/);
  });
});
