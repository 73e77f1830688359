import { openLoopbackListener, type LoopbackListener } from '../../../main/core/auth/loopback-listener.ts';
import { freePort, occupyPort, rawRequest } from './support/http.ts';

const state = 'expected-state-0123456789';
let listener: LoopbackListener;

afterEach(async () => {
  await listener.close();
});

describe('loopback listener (RFC 8252)', () => {
  it('binds 127.0.0.1 on an ephemeral port with a /callback redirect URI', async () => {
    listener = await openLoopbackListener({ expectedState: state });
    expect(listener.port).toBeGreaterThan(0);
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${listener.port}/callback`);
  });

  it('turns away wrong method, path, Host, state and a missing code without ending the flow', async () => {
    listener = await openLoopbackListener({ expectedState: state });
    const { port } = listener;
    let settled = false;
    void listener.callback.then(() => (settled = true));

    const turnedAway = [
      await rawRequest(port, `/callback?code=c&state=${state}`, { method: 'POST' }),
      await rawRequest(port, `/other?code=c&state=${state}`),
      await rawRequest(port, `/callback?code=c&state=${state}`, { host: `evil.example:${port}` }),
      await rawRequest(port, `/callback?code=c&state=${state}`, { host: `localhost:${port}` }),
      await rawRequest(port, '/callback?code=c&state=wrong-state'),
      await rawRequest(port, '/callback?code=c'),
      await rawRequest(port, `/callback?state=${state}`),
    ];
    expect(turnedAway.map((r) => r.status)).toEqual([405, 404, 421, 421, 400, 400, 400]);
    for (const response of turnedAway) {
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('This sign-in link is not valid');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);

    const tab = rawRequest(port, `/callback?code=the-secret-code&state=${state}&iss=x`);
    const accepted = await listener.callback;
    expect(accepted.searchParams.get('code')).toBe('the-secret-code');
    expect((await rawRequest(port, `/callback?code=again&state=${state}`)).status).toBe(409);
    await listener.finish({ ok: true });
    const page = await tab;
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain("You're signed in.");
    expect(page.body).toContain('Return to Box SSO Desktop');
    expect(page.body).not.toContain('the-secret-code');
  });

  it('shows the error in words and is closed afterwards (connection refused)', async () => {
    listener = await openLoopbackListener({ expectedState: state });
    const { port } = listener;
    const tab = rawRequest(port, `/callback?error=access_denied&state=${state}`);
    await listener.callback;
    await listener.finish({ ok: false, message: 'Sign-in was cancelled.' });
    const page = await tab;
    expect(page.body).toContain("Sign-in didn't finish");
    expect(page.body).toContain('Sign-in was cancelled.');
    await expect(rawRequest(port, `/callback?code=c&state=${state}`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('takes the first free port of a configured list', async () => {
    const busy = await occupyPort();
    const spare = await freePort();
    try {
      listener = await openLoopbackListener({ expectedState: state, ports: [busy.port, spare] });
      expect(listener.port).toBe(spare);
      expect(listener.redirectUri).toBe(`http://127.0.0.1:${spare}/callback`);
    } finally {
      busy.server.close();
    }
  });

  it('names the busy ports under sign_in_port_in_use when every configured port is taken', async () => {
    const busy = await occupyPort();
    const alsoBusy = await occupyPort();
    try {
      await expect(openLoopbackListener({ expectedState: state, ports: [busy.port] })).rejects.toMatchObject({
        code: 'sign_in_port_in_use',
        message: `The sign-in port configured by IT (port ${busy.port}) is used by another program. Close that program and try again, or ask IT.`,
      });
      const both = await openLoopbackListener({ expectedState: state, ports: [busy.port, alsoBusy.port] }).catch(
        (error: unknown) => error,
      );
      expect(both).toMatchObject({ code: 'sign_in_port_in_use' });
      expect((both as Error).message).toContain(`(ports ${busy.port}, ${alsoBusy.port}) are used by other programs`);
    } finally {
      busy.server.close();
      alsoBusy.server.close();
    }
    listener = await openLoopbackListener({ expectedState: state });
  });

  it("tries a replaced sign-in's port first and tells its late tab it was replaced", async () => {
    const replaced = { state: 'replaced-state-0123456789', port: await freePort() };
    listener = await openLoopbackListener({ expectedState: state, replaced: [replaced] });
    expect(listener.port).toBe(replaced.port);
    let settled = false;
    void listener.callback.then(() => (settled = true));
    const late = await rawRequest(listener.port, `/callback?code=late-code&state=${replaced.state}`);
    expect(late.status).toBe(410);
    expect(late.headers['cache-control']).toBe('no-store');
    expect(late.body).toContain('This sign-in was replaced');
    expect(late.body).not.toContain('late-code');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
  });

  it("falls back to any free port when a replaced sign-in's port is taken by now", async () => {
    const busy = await occupyPort();
    try {
      listener = await openLoopbackListener({ expectedState: state, replaced: [{ state: 'gone', port: busy.port }] });
      expect(listener.port).not.toBe(busy.port);
    } finally {
      busy.server.close();
    }
  });

  it('answers a waiting tab when closed before finishing', async () => {
    listener = await openLoopbackListener({ expectedState: state });
    const tab = rawRequest(listener.port, `/callback?code=c&state=${state}`);
    await listener.callback;
    await listener.close();
    expect((await tab).body).toContain('Sign-in was cancelled.');
  });
});
