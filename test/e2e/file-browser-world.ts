/**
 * The world the file browser runs in for browser tests and the listing benchmark: the browser shell
 * serving the built renderer and the real preload, with a core whose `box:*` handlers run the
 * real BoxService against the Box API emulator, using scoped tokens from the real backend for
 * users who really signed in at the sandbox IdP. Until the session feature is wired into the
 * core, `signInAs`/`signOut` publish the session state the way SessionManager does.
 */
import type { SessionState } from '../../common/session-state.ts';
import { createBoxHandlers } from '../../main/core/box/box-handlers.ts';
import type { BoxService } from '../../main/core/box/box-service.ts';
import type { Core } from '../../main/core/create-core.ts';
import { createBrowserShellCore, loadBrowserShellConfig } from '../../main/browser-shell/browser-shell-core.ts';
import { startBrowserShell, type BrowserShell } from '../../main/browser-shell/browser-shell-server.ts';
import {
  signedInService,
  startBoxStack,
  type BoxStack,
  type SignedInService,
} from '../integration/box-service/support/box-stack.ts';

export interface FileBrowserWorld {
  harness: BrowserShell;
  stack: BoxStack;
  /** The signed-in user's Box session, null when signed out. */
  current: SignedInService | null;
  signInAs(this: void, username: 'alice' | 'bob'): Promise<SignedInService>;
  signOut(this: void): void;
  close(this: void): Promise<void>;
}

export async function startFileBrowserWorld(): Promise<FileBrowserWorld> {
  const stack = await startBoxStack();
  // A valid company configuration pointing at the sandbox peers, as sandbox mode would.
  const base = createBrowserShellCore(
    await loadBrowserShellConfig({
      issuer: stack.idp.issuer,
      clientId: stack.idp.desktopClientId,
      backendUrl: stack.backend.url,
      boxApiUrl: stack.box.emulator.origin,
      boxUploadUrl: `${stack.box.emulator.origin}/api`,
    }),
  );
  let service: BoxService | null = null;
  let session: SessionState = { status: 'signed-out' };
  const core: Core = {
    ...base,
    handlers: { ...base.handlers, ...createBoxHandlers(() => service), 'session:get': () => session },
  };
  const harness = await startBrowserShell({
    core,
    rendererDirectory: 'out/renderer',
    preloadFile: 'out/preload/index.cjs',
  });
  const publish = (next: SessionState): void => {
    session = next;
    core.events.emit('session:changed', next);
  };
  const world: FileBrowserWorld = {
    harness,
    stack,
    current: null,
    async signInAs(username) {
      const signedIn = await signedInService(stack, username);
      service = signedIn.service;
      world.current = signedIn;
      const user = stack.idp.users.find((candidate) => candidate.username === username);
      publish({
        status: 'signed-in',
        user: { name: user?.name ?? username, email: null, boxUserId: signedIn.boxUserId },
        remembered: true,
      });
      return signedIn;
    },
    signOut() {
      service = null;
      world.current = null;
      publish({ status: 'signed-out' });
    },
    async close() {
      await harness.close();
      await base.dispose();
      await stack.close();
    },
  };
  return world;
}
