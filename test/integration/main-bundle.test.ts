import { existsSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { recorded } from '../support/electron-stand-in.ts';

/**
 * Loads the BUILT main bundle (out/main/launch.js and index.js, from `npm run build`) with a stand-in
 * `electron` module and checks what it asked Electron for: the hardened window, the guards
 * on navigation and window.open, denied permissions, and IPC that refuses foreign senders.
 */
vi.mock('electron', () => import('../support/electron-stand-in.ts'));

// The entry the app starts from: it turns on the compile cache and imports index.js.
const bundle = resolve('out/main/launch.js');

describe('the built main bundle', () => {
  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error('out/main/launch.js is missing: run `npm run build` first');
    // Electron sets this to the packaged app's resources folder (where bundled settings live).
    Object.assign(process, { resourcesPath: mkdtempSync(join(tmpdir(), 'box-sso-resources-')) });
    await import(pathToFileURL(bundle).href);
    await vi.waitFor(() => expect(recorded.loadedUrls).toHaveLength(1));
  });

  it('creates one window with contextIsolation, sandbox, no nodeIntegration and our preload', () => {
    expect(recorded.windows).toHaveLength(1);
    const webPreferences = recorded.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
    expect(webPreferences.preload).toBe(resolve('out/preload/index.cjs'));
    // Packaged on Linux, the window icon comes from the resources folder.
    const expectedIcon = process.platform === 'linux' ? join(process.resourcesPath, 'icon.png') : undefined;
    expect(recorded.windows[0]!.options.icon).toBe(expectedIcon);
  });

  it('loads the renderer from the app:// origin, registered as a secure standard scheme', () => {
    expect(recorded.loadedUrls).toEqual(['app://bundle/index.html']);
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      {
        scheme: 'box-preview',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
      },
    ]);
  });

  it('serves previews on box-preview:// to our page only, and none while signed out', async () => {
    const handler = recorded.protocolHandlers.get('box-preview') as
      ((request: Request) => Promise<Response>) | undefined;
    expect(handler).toBeDefined();
    const answer = await handler!(new Request('box-preview://file/123/content'));
    expect(answer.status).toBe(401);
    expect(answer.headers.get('access-control-allow-origin')).toBe('app://bundle');
  });

  it('blocks navigation, redirects and webviews, and denies window.open', () => {
    const contents = recorded.windows[0]!.webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalledOnce();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const callback = vi.fn();
    recorded.permissionRequestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheckHandler?.({}, 'notifications')).toBe(false);
  });

  // Electron's WebFrameMain has no isMainFrame: a main frame is the one without a parent.
  it('answers our main frame and refuses a subframe or a foreign origin', async () => {
    const handler = recorded.ipcHandlers.get('app:getInfo')!;
    const ours = await handler({ senderFrame: { url: 'app://bundle/index.html', parent: null } }, undefined);
    expect(ours).toEqual({
      ok: true,
      value: {
        name: 'Box SSO Desktop',
        version: '0.0.0-test',
        platform: process.platform,
        mode: 'company',
        languages: ['en-US'],
      },
    });

    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://bundle/index.html', parent: { url: 'app://bundle/index.html' } },
      { url: 'file:///etc/passwd', parent: null },
      null,
    ]) {
      const refused = (await handler({ senderFrame }, undefined)) as { ok: boolean; error?: { code: string } };
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
  });

  it('registers exactly one handler per contract channel and validates payloads', async () => {
    const { requestChannels } = await import('../../common/ipc-contract.ts');
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual([...requestChannels].sort());
    const handler = recorded.ipcHandlers.get('session:get')!;
    const malformed = await handler({ senderFrame: { url: 'app://bundle/', parent: null } }, { injected: true });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('carries the packages of bundled-packages.ts inside it and loads keytar from node_modules', async () => {
    const { packagesBundledIntoMain } = await import('../../main/electron/bundled-packages.ts');
    const source = await readFile(resolve('out/main/index.js'), 'utf8');
    const imported = new Set([...source.matchAll(/(?:from|import\()\s*"([^"]+)"/g)].map((match) => match[1]!));
    expect(imported).toContain('keytar');
    for (const name of packagesBundledIntoMain) {
      expect([...imported].filter((specifier) => specifier === name || specifier.startsWith(`${name}/`))).toEqual([]);
    }
  });
});
