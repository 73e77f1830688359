import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { oktaDeactivate, oktaUser, scim, scimToken } from '../backend/support/scim-client.ts';
import { keychainUnavailableReason } from './support/keychain.ts';
import { useSignInPeers } from './support/sign-in-peers.ts';
import { scriptedSystemBrowser } from './support/system-browser.ts';

const noKeychain = await keychainUnavailableReason();
const message = 'Your company account is disabled or was signed out. Contact IT if this is unexpected.';
const scimStateFile = join(tmpdir(), `account-ended-${randomUUID()}.json`);

describe.skipIf(noKeychain !== null)(
  'IT disables the account or the IdP ends the session: the desktop signs out',
  () => {
    const peers = useSignInPeers({}, { SCIM_BEARER_TOKEN: scimToken, SCIM_STATE_FILE: scimStateFile });
    afterAll(() => rm(scimStateFile, { force: true }));

    const signedIn = async (user: { username: string; password: string }) => {
      const clock = { offsetMs: 0 };
      const session = peers.session({
        openExternal: scriptedSystemBrowser(user).openExternal,
        clock: () => Date.now() + clock.offsetMs,
      });
      const state = await session.manager.signIn();
      expect(state).toMatchObject({ status: 'signed-in' });
      // Polled: under heavy load the Secret Service once answered a read right after the write with nothing.
      await expect.poll(() => peers.store.get(peers.account()), { timeout: 10_000 }).toBeTruthy();
      return { ...session, clock };
    };

    /** The next Box-token renewal: the clock moved to the renewal time, as an hour of use would. */
    const atNextRenewal = async (session: Awaited<ReturnType<typeof signedIn>>) => {
      const access = await session.manager.boxTokens.getAccess();
      session.clock.offsetMs = access.expiresAt - Date.now() - 60_000;
      return session.manager.boxTokens.getToken();
    };

    it('SCIM deactivation: the next renewal shows the message, deletes the keychain entry and forgets the tokens', async () => {
      const session = await signedIn({ username: 'alice', password: 'alice-sandbox' });
      const url = peers.stack.backendUrl;
      const created = await scim(url, 'POST', '/Users', oktaUser('alice@example.com', 'sandbox-user-alice'));
      expect(created.status).toBe(201);
      expect((await scim(url, 'PATCH', `/Users/${String(created.body!['id'])}`, oktaDeactivate)).status).toBe(200);

      await expect(atNextRenewal(session)).rejects.toMatchObject({ code: 'account_disabled', message });
      expect(session.manager.state).toMatchObject({ status: 'signed-out', code: 'account_disabled', message });
      expect(session.states.at(-1)).toMatchObject({ status: 'signed-out', code: 'account_disabled', message });
      await expect.poll(() => peers.store.get(peers.account())).toBeNull();
      await expect(session.manager.boxTokens.getToken()).rejects.toMatchObject({ code: 'not_signed_in' });
    });

    it('back-channel logout at the IdP: the next renewal signs out with the same message, a refreshed ID token included', async () => {
      await peers.idp.registerBackchannelLogout(`${peers.stack.backendUrl}/v1/backchannel-logout`);
      const session = await signedIn({ username: 'bob', password: 'bob-sandbox' });
      const idToken = await session.manager.getIdToken();
      const { sub, sid } = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as {
        sub: string;
        sid: string;
      };
      await peers.idp.sendBackchannelLogout(sub, sid);

      await expect(atNextRenewal(session)).rejects.toMatchObject({ code: 'account_disabled', message });
      expect(session.manager.state).toMatchObject({ status: 'signed-out', code: 'account_disabled', message });
      await expect.poll(() => peers.store.get(peers.account())).toBeNull();
    });
  },
);
