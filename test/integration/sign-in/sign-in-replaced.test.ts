import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { completeLogin } from '../../../sandbox/idp/scripted-browser.ts';
import { portRefuses } from '../../support/ports.ts';
import { heldDiscovery } from './support/held-discovery.ts';
import { freePort } from './support/http.ts';
import { keychainUnavailableReason } from './support/keychain.ts';
import { watchListens } from './support/listen-watch.ts';
import { useSignInPeers } from './support/sign-in-peers.ts';
import { scriptedSystemBrowser, silentSystemBrowser } from './support/system-browser.ts';

const noKeychain = await keychainUnavailableReason();
const alice = { username: 'alice', password: 'alice-sandbox' };
const runs = 20;

/** When the second start comes, relative to the first's discovery of the provider. */
const moments = ['same turn', 'next macrotask', 'discovery request held', 'discovery answer held'] as const;
type Moment = (typeof moments)[number];
const portModes = ['ephemeral ports', 'a one-port fixed list'] as const;
type PortMode = (typeof portModes)[number];

const redirectPortOf = (authorizeUrl: string): number =>
  Number(new URL(new URL(authorizeUrl).searchParams.get('redirect_uri') ?? '').port);

describe.skipIf(noKeychain !== null)('a sign-in started while one is pending replaces it', () => {
  const peers = useSignInPeers();
  let fixedPort = 0;
  beforeAll(async () => {
    fixedPort = await freePort();
  });
  const portSettings = (mode: PortMode) => (mode === 'a one-port fixed list' ? { loopbackPorts: [fixedPort] } : {});

  async function replaceDuringDiscovery(moment: Moment, mode: PortMode): Promise<void> {
    const discovery = heldDiscovery();
    const browser = scriptedSystemBrowser(alice);
    const { manager, states } = peers.session({
      openExternal: browser.openExternal,
      idpFetch: discovery.idpFetch,
      settings: portSettings(mode),
    });
    const listens = watchListens();
    const settled: string[] = [];
    try {
      const first = manager.signIn().finally(() => settled.push('first'));
      if (moment === 'next macrotask') await nextMacrotask();
      if (moment === 'discovery request held') await discovery.reached;
      if (moment === 'discovery answer held') await discovery.sendRequest();
      const second = manager.signIn().finally(() => settled.push('second'));
      discovery.release();

      // The replaced call settles at once, with the newer sign-in's state (the screen stays on it).
      expect(await first).toEqual({ status: 'signing-in' });
      expect(await second).toMatchObject({ status: 'signed-in', user: { email: 'alice@example.com' } });
      expect(settled).toEqual(['first', 'second']);
      expect(states.map((s) => s.status)).toEqual(['signing-in', 'signing-in', 'signed-in']);

      // One tab, for the surviving flow, and one listener: the first never listened, nothing hit EADDRINUSE.
      expect(browser.opened).toHaveLength(1);
      const port = redirectPortOf(browser.opened[0] ?? '');
      if (mode === 'a one-port fixed list') expect(port).toBe(fixedPort);
      expect(listens.ports).toEqual([port]);
      expect(listens.errors).toEqual([]);
      expect((await browser.visits[0])?.html).toContain("You're signed in.");
      expect(await portRefuses(port)).toBe(true);
    } finally {
      listens.stop();
      discovery.release();
      manager.cancelSignIn();
    }
  }

  for (const mode of portModes) {
    for (const moment of moments) {
      it(`second start at "${moment}" on ${mode}, ${runs} times: one listener, one tab, first cancelled`, async () => {
        for (let run = 0; run < runs; run++) await replaceDuringDiscovery(moment, mode);
      });
    }
  }

  for (const mode of portModes) {
    it(`the first tab, finished late, is told it was replaced and changes nothing (${mode})`, async () => {
      const browser = silentSystemBrowser();
      const { manager, states } = peers.session({ openExternal: browser.openExternal, settings: portSettings(mode) });
      const listens = watchListens();
      try {
        const first = manager.signIn();
        const firstUrl = await browser.nextOpened();
        const secondOpened = browser.nextOpened();
        const second = manager.signIn();
        const secondUrl = await secondOpened;
        expect(await first).toEqual({ status: 'signing-in' });
        // The second listens where the first tab will come back, once the first let go of it.
        const port = redirectPortOf(firstUrl);
        expect(redirectPortOf(secondUrl)).toBe(port);
        expect(listens.ports).toEqual([port, port]);
        expect(listens.errors).toEqual([]);

        const late = await fetch(await completeLogin(firstUrl, alice));
        expect(late.status).toBe(410);
        expect(await late.text()).toContain('This sign-in was replaced');
        expect(manager.state).toEqual({ status: 'signing-in' });
        expect(await peers.store.get(peers.account())).toBeNull();

        const tab = await fetch(await completeLogin(secondUrl, alice));
        expect(await tab.text()).toContain("You're signed in.");
        expect(await second).toMatchObject({ status: 'signed-in' });
        expect(states.map((s) => s.status)).toEqual(['signing-in', 'signing-in', 'signed-in']);
        expect(browser.opened).toHaveLength(2);
        expect(await portRefuses(port)).toBe(true);
      } finally {
        listens.stop();
        manager.cancelSignIn();
      }
    });
  }

  for (const mode of portModes) {
    it(`Cancel reaches the newest of two starts, even while discovery is held (${mode})`, async () => {
      const discovery = heldDiscovery();
      const browser = silentSystemBrowser();
      const { manager, states } = peers.session({
        openExternal: browser.openExternal,
        idpFetch: discovery.idpFetch,
        settings: portSettings(mode),
      });
      const listens = watchListens();
      try {
        const first = manager.signIn();
        const second = manager.signIn();
        await discovery.reached;
        expect(manager.cancelSignIn()).toEqual({ status: 'signed-out' });
        discovery.release();
        expect(await first).toEqual({ status: 'signing-in' });
        expect(await second).toEqual({ status: 'signed-out' });
        expect(manager.state).toEqual({ status: 'signed-out' });
        expect(states.map((s) => s.status)).toEqual(['signing-in', 'signing-in', 'signed-out']);
        expect(manager.signInLink()).toBeNull();
        // Discovery came back after the Cancel: still nothing listened and no tab opened.
        await discovery.answered;
        expect(browser.opened).toEqual([]);
        expect(listens.ports).toEqual([]);
      } finally {
        listens.stop();
        discovery.release();
      }
    });
  }

  it('a start right after Cancel waits for the cancelled listener to let go of the fixed port', async () => {
    const browser = silentSystemBrowser();
    const { manager } = peers.session({
      openExternal: browser.openExternal,
      settings: portSettings('a one-port fixed list'),
    });
    const listens = watchListens();
    try {
      const cancelled = manager.signIn();
      await browser.nextOpened();
      const reopened = browser.nextOpened();
      manager.cancelSignIn();
      const again = manager.signIn();
      const againUrl = await reopened;
      expect(redirectPortOf(againUrl)).toBe(fixedPort);
      expect(await cancelled).toEqual({ status: 'signing-in' });
      expect(listens.ports).toEqual([fixedPort, fixedPort]);
      expect(listens.errors).toEqual([]);
      await fetch(await completeLogin(againUrl, alice));
      expect(await again).toMatchObject({ status: 'signed-in' });
      expect(await portRefuses(fixedPort)).toBe(true);
    } finally {
      listens.stop();
      manager.cancelSignIn();
    }
  });
});
