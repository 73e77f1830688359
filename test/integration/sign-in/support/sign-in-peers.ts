import type { CustomFetch } from 'openid-client';
import { refreshTokenAccount, type SecretStore } from '../../../../main/core/keychain/secret-store.ts';
import type { RememberedDiscovery } from '../../../../main/core/auth/remembered-discovery.ts';
import type { SignInSettings } from '../../../../main/core/auth/sign-in-settings.ts';
import { startSandboxIdp, type SandboxIdp, type SandboxIdpOptions } from '../../../../sandbox/idp/index.ts';
import { startHandoffStack, type HandoffStack } from './handoff-stack.ts';
import { testSecretStore } from './keychain.ts';
import { createSession } from './session-fixture.ts';

export interface SignInPeers {
  readonly idp: SandboxIdp;
  readonly stack: HandoffStack;
  readonly store: ReturnType<typeof testSecretStore>;
  /** The keychain account the session keeps its refresh token under. */
  account(): string;
  /** A session core against these peers and this test's keychain service. */
  session(options: {
    openExternal: (url: string) => Promise<void>;
    backendUrl?: string;
    settings?: Partial<SignInSettings>;
    clock?: () => number;
    fetch?: typeof fetch;
    /** openid-client's requests to the IdP; the global fetch by default. */
    idpFetch?: CustomFetch;
    focusApp?: () => void;
    /** This test's keychain by default; a test may wrap it to watch its use. */
    secretStore?: SecretStore;
    /** The last launch's discovery (none by default). */
    rememberedDiscovery?: RememberedDiscovery;
  }): ReturnType<typeof createSession>;
}

/**
 * The sign-in tests' world, started once per file: the sandbox IdP, the Box emulator and the
 * backend behind it, and a keychain service of the file's own that is emptied after each test.
 */
export function useSignInPeers(
  idpOptions: SandboxIdpOptions = {},
  backendEnv: Record<string, string> = {},
): SignInPeers {
  let idp: SandboxIdp | undefined;
  let stack: HandoffStack | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the sign-in peers are used before beforeAll started them');
    return value;
  };
  const store = testSecretStore();
  const peers: SignInPeers = {
    get idp() {
      return started(idp);
    },
    get stack() {
      return started(stack);
    },
    store,
    account: () => refreshTokenAccount(peers.idp.issuer, peers.idp.desktopClientId),
    session: (options) =>
      createSession({ idp: peers.idp, backendUrl: peers.stack.backendUrl, secretStore: store, ...options }),
  };
  beforeAll(async () => {
    idp = await startSandboxIdp(idpOptions);
    stack = await startHandoffStack(idp, backendEnv);
  });
  afterAll(async () => {
    if (idp) await store.delete(peers.account());
    await stack?.close();
    await idp?.close();
  });
  afterEach(async () => {
    await store.delete(peers.account());
  });
  return peers;
}
