/**
 * The real peers a Box service test needs: the sandbox IdP, the Box API emulator and the
 * provisioning backend between them. A service is built the way the desktop builds it: an ID
 * token from a real login, exchanged at the backend for a scoped Box token by the session's
 * BoxTokenProvider.
 */
import { BoxService, type BoxServiceOptions } from '../../../../main/core/box/box-service.ts';
import { BoxTokenProvider } from '../../../../main/core/session/box-token-provider.ts';
import { startSandboxIdp, type SandboxIdp } from '../../../../sandbox/idp/index.ts';
import { signInAs } from '../../../support/sign-in-as.ts';
import {
  backendEnv,
  startBackend,
  startBoxPeer,
  type BoxPeer,
  type RunningBackend,
} from '../../backend/support/backend-harness.ts';

export interface BoxStack {
  idp: SandboxIdp;
  box: BoxPeer;
  backend: RunningBackend;
  close(): Promise<void>;
}

export async function startBoxStack(extraEnv: Record<string, string> = {}): Promise<BoxStack> {
  const idp = await startSandboxIdp();
  const box = await startBoxPeer();
  const backend = await startBackend(
    backendEnv(idp.issuer, idp.desktopClientId, box, { LOG_LEVEL: 'warn', ...extraEnv }),
  );
  return {
    idp,
    box,
    backend,
    async close() {
      await backend.close();
      await box.close();
      await idp.close();
    },
  };
}

export interface SignedInService {
  service: BoxService;
  tokens: BoxTokenProvider;
  boxUserId: string;
  /** How many scoped tokens the backend handed out to this session. */
  exchanges(): number;
}

export async function signedInService(
  stack: BoxStack,
  username: string,
  options: Partial<BoxServiceOptions> & { backend?: RunningBackend } = {},
): Promise<SignedInService> {
  const { idToken } = await signInAs(stack.idp, username);
  let exchanges = 0;
  const tokens = new BoxTokenProvider({
    backendUrl: (options.backend ?? stack.backend).url,
    getIdToken: () => Promise.resolve(idToken),
    fetch: (input, init) => {
      exchanges += 1;
      return fetch(input, init);
    },
  });
  const access = await tokens.getAccess();
  const origin = stack.box.emulator.origin;
  const service = new BoxService({
    tokenSource: tokens,
    baseUrls: { apiBaseUrl: origin, uploadBaseUrl: `${origin}/api` },
    retryLimits: { baseDelaySeconds: 0.05 },
    ...options,
  });
  return { service, tokens, boxUserId: access.boxUser.id, exchanges: () => exchanges };
}
