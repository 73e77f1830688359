/**
 * Builds the script that stands in for Electron's preload environment in a plain browser:
 * a `require('electron')` whose contextBridge puts the API on window and whose ipcRenderer
 * speaks to the browser shell over a loopback WebSocket; then the REAL built preload bundle runs
 * inside it unchanged. What the page gets is exactly what the preload exposes.
 */
export function buildPreloadShim(preloadSource: string, socketPath: string): string {
  return `(() => {
  const pending = new Map();
  const listeners = new Map();
  let nextId = 1;
  const socket = new WebSocket(new URL(${JSON.stringify(socketPath)}, location.href).href.replace(/^http/, 'ws'));
  const opened = new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error('The browser shell connection failed')), { once: true });
  });
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(message.data);
    if (data.kind === 'result') {
      pending.get(data.id)?.(data.result);
      pending.delete(data.id);
    } else if (data.kind === 'event') {
      for (const listener of listeners.get(data.event) ?? []) listener({ sender: null }, data.payload);
    }
  });
  const ipcRenderer = {
    async invoke(channel, request) {
      await opened;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, request }));
      });
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
    },
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true });
    },
  };
  // A page cannot learn a dropped file's path; tests say which path stands behind a file name
  // (window.__browserShellFilePaths), as Electron's webUtils knows it for a real drop.
  // Without that map (npm run start:browser) a dropped file has no path, and the preload skips it.
  const webUtils = {
    getPathForFile(file) {
      return (window.__browserShellFilePaths ?? {})[file.name] ?? '';
    },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer, webUtils };
    throw new Error('The sandboxed preload cannot require ' + name);
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();
`;
}
