/**
 * A recording stand-in for the `electron` module, so that the BUILT main bundle can run in
 * plain Node and a test can inspect what it asked Electron to do. It implements only the
 * calls the shell makes; an unexpected call fails loudly.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => unknown;

export class StandInWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<{ channel: string; payload: unknown }> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  startDrag(item: { file: string; icon: unknown }): void {
    recorded.drags.push(item);
  }
  isDestroyed(): boolean {
    return false;
  }
}

export const recorded = {
  windows: [] as StandInBrowserWindow[],
  ipcHandlers: new Map<string, Listener>(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, Listener>(),
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  loadedUrls: [] as string[],
  webContentsCreated: [] as Listener[],
  clipboardTexts: [] as string[],
  /** What Chromium's `session.resolveProxy` answers (OS settings, PAC, WPAD stand here), and what it was asked. */
  proxyAnswer: (_url: string): string => 'DIRECT',
  proxyLookups: [] as string[],
  drags: [] as Array<{ file: string; icon: unknown }>,
};

/** What `app.getFileIcon` answers: a stand-in for a NativeImage, naming the file it is for. */
export class StandInNativeImage {
  readonly forPath: string;
  constructor(forPath: string) {
    this.forPath = forPath;
  }
  isEmpty(): boolean {
    return false;
  }
}

export class StandInBrowserWindow extends EventEmitter {
  readonly options: Record<string, unknown>;
  readonly webContents = new StandInWebContents();
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    recorded.windows.push(this);
    for (const listener of recorded.webContentsCreated) listener({}, this.webContents);
  }
  #destroyed = false;
  loadURL(url: string): Promise<void> {
    recorded.loadedUrls.push(url);
    return Promise.resolve();
  }
  /** As Electron's: the window goes, `closed` follows. */
  close(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.emit('closed');
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

const appEvents = new EventEmitter();
const userDataDir = mkdtempSync(join(tmpdir(), 'box-sso-stand-in-'));
export const app = {
  isPackaged: true,
  getName: () => 'Box SSO Desktop',
  getVersion: () => '0.0.0-test',
  getPreferredSystemLanguages: () => ['en-US'],
  getPath: (name: string) => {
    if (name !== 'userData') throw new Error(`app.getPath(${name}) is not stood in`);
    return userDataDir;
  },
  requestSingleInstanceLock: () => true,
  getFileIcon: (path: string) => Promise.resolve(new StandInNativeImage(path)),
  whenReady: () => Promise.resolve(),
  quit: () => undefined,
  exit: (code: number) => {
    throw new Error(`app.exit(${code}) called`);
  },
  on(event: string, listener: Listener) {
    if (event === 'web-contents-created') recorded.webContentsCreated.push(listener);
    appEvents.on(event, listener);
    return app;
  },
};

export const ipcMain = {
  handle(channel: string, listener: Listener) {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    recorded.ipcHandlers.set(channel, listener);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    recorded.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: Listener) {
    recorded.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Listener) {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      recorded.permissionCheckHandler = handler;
    },
    resolveProxy(url: string) {
      recorded.proxyLookups.push(url);
      return Promise.resolve(recorded.proxyAnswer(url));
    },
  },
};

export const shell = {
  openExternal: () => Promise.reject(new Error('shell.openExternal must not be called in this test')),
};

export const net = { fetch: (url: string) => fetch(url) };

export const clipboard = {
  writeText(text: string) {
    recorded.clipboardTexts.push(text);
    return Promise.resolve();
  },
};

export const BrowserWindow = StandInBrowserWindow;
export default { app, ipcMain, protocol, session, shell, net, clipboard, BrowserWindow };
