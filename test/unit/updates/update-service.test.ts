/**
 * The update logic against a local update host, with electron-updater's real updater
 * (generic provider, sha512 verification, install on quit) and only the installer stood in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../common/update-status.ts';
import { rolloutPlacement } from '../../../main/core/updates/rollout-placement.ts';
import { updatePolicy, type UpdatePolicy } from '../../../main/core/updates/update-policy.ts';
import { UpdateService, type Timers } from '../../../main/core/updates/update-service.ts';
import { sha512Base64, startUpdateServer, type UpdateServer } from './update-server.ts';
import { TestUpdater } from './test-updater.ts';

const release = (version: string, extra: { stagingPercentage?: number; announcedSha512?: string } = {}) => ({
  version,
  bytes: Buffer.from(`!<arch>\ndebian-binary box-sso-desktop ${version}\n`.repeat(2000)),
  ...extra,
});

let server: UpdateServer;
let folder: string;
beforeEach(async () => {
  server = await startUpdateServer();
  folder = await mkdtemp(path.join(tmpdir(), 'updates-'));
});
afterEach(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

function policyFor(config: { updatesEnabled?: boolean; updateChannel?: 'stable' | 'beta'; updateUrl?: string | null }) {
  return updatePolicy(
    {
      updatesEnabled: config.updatesEnabled ?? true,
      updateChannel: config.updateChannel ?? 'stable',
      ...(config.updateUrl === null ? {} : { updateUrl: config.updateUrl ?? server.url }),
    },
    { isPackaged: true, installScope: 'per-user' },
  );
}

function service(policy: UpdatePolicy, options: { placementId?: string; timers?: Timers } = {}) {
  const updaters: TestUpdater[] = [];
  const updateService = new UpdateService({
    policy,
    createUpdater: () => {
      const updater = new TestUpdater({ version: '1.0.0', folder });
      updaters.push(updater);
      return updater;
    },
    placementId: () => options.placementId ?? 'user-1',
    ...(options.timers ? { timers: options.timers } : {}),
  });
  return { updateService, updaters };
}

/** A day of simulated time: runs every interval callback that a day would fire, no waiting. */
class SimulatedDay implements Timers {
  private readonly intervals: { callback: () => void; ms: number }[] = [];
  every(ms: number, callback: () => void): () => void {
    const interval = { callback, ms };
    this.intervals.push(interval);
    return () => this.intervals.splice(this.intervals.indexOf(interval), 1);
  }
  async pass(service: UpdateService): Promise<void> {
    for (const { callback, ms } of [...this.intervals]) {
      for (let elapsed = ms; elapsed <= 24 * 60 * 60 * 1000; elapsed += ms) {
        callback();
        await settle(service);
      }
    }
  }
}

async function settle(service: UpdateService): Promise<UpdateStatus> {
  await expect
    .poll(() => ['checking', 'downloading'].includes(service.getStatus().state), { timeout: 20_000 })
    .toBe(false);
  return service.getStatus();
}

describe('updates that IT controls', () => {
  it('downloads a newer stable release from the policy URL, verifies it and installs it only when the app quits', async () => {
    server.publish('latest', release('1.1.0'));
    const { updateService, updaters } = service(policyFor({}));
    expect(await updateService.checkNow()).toEqual({ state: 'ready', version: '1.1.0' });
    expect(server.requests).toEqual(['/latest-linux.yml', '/box-sso-desktop_1.1.0_amd64.deb']);
    const updater = updaters[0];
    expect(updater?.installs).toEqual([]);
    updater?.quitApp();
    expect(updater?.installs).toMatchObject([{ isSilent: true, isForceRunAfter: false }]);
  });

  it('follows the beta channel from beta.yml, pre-releases included; stable never sees them', async () => {
    server.publish('latest', release('1.0.0'));
    server.publish('beta', release('1.1.0-beta.2'));
    const beta = service(policyFor({ updateChannel: 'beta' })).updateService;
    expect(await beta.checkNow()).toEqual({ state: 'ready', version: '1.1.0-beta.2' });
    expect(server.requests[0]).toBe('/beta-linux.yml');

    server.requests.length = 0;
    const stable = service(policyFor({ updateChannel: 'stable' })).updateService;
    expect(await stable.checkNow()).toMatchObject({ state: 'up-to-date' });
    expect(server.requests).toEqual(['/latest-linux.yml']);
  });

  it('refuses a file whose sha512 does not match the feed: nothing installs, not even on quit', async () => {
    const genuine = release('1.1.0');
    const tampered = Buffer.from(genuine.bytes);
    tampered[100] = (tampered[100] ?? 0) ^ 0xff;
    server.publish('latest', { ...genuine, bytes: tampered, announcedSha512: sha512Base64(genuine.bytes) });
    const { updateService, updaters } = service(policyFor({}));
    const status = await updateService.checkNow();
    expect(status.state).toBe('error');
    expect(status.state === 'error' && status.message).toMatch(/sha512 checksum mismatch/);
    updaters[0]?.quitApp();
    expect(updaters[0]?.installs).toEqual([]);
  });

  it('staged rollout: a user placed inside the percentage gets the release, one outside does not', async () => {
    const ids = Array.from({ length: 200 }, (_, index) => `user-${index}`);
    const inside = ids.find((id) => rolloutPlacement(id) < 30) ?? '';
    const outside = ids.find((id) => rolloutPlacement(id) >= 30) ?? '';
    server.publish('latest', release('1.1.0', { stagingPercentage: 30 }));

    const admitted = service(policyFor({}), { placementId: inside }).updateService;
    expect(await admitted.checkNow()).toEqual({ state: 'ready', version: '1.1.0' });

    server.requests.length = 0;
    const waiting = service(policyFor({}), { placementId: outside }).updateService;
    expect(await waiting.checkNow()).toMatchObject({ state: 'not-in-rollout', version: '1.1.0' });
    expect(server.requests).toEqual(['/latest-linux.yml']);
  });

  it('disabled by policy: no request reaches the update host in a simulated day, and no updater exists', async () => {
    server.publish('latest', release('1.1.0'));
    const day = new SimulatedDay();
    const { updateService, updaters } = service(policyFor({ updatesEnabled: false }), { timers: day });
    updateService.start();
    await day.pass(updateService);
    expect(await updateService.checkNow()).toEqual({ state: 'disabled', reason: 'policy' });
    expect(server.requests).toEqual([]);
    expect(updaters).toEqual([]);
  });

  it('enabled: the same simulated day checks at start and every four hours', async () => {
    server.publish('latest', release('1.0.0'));
    const day = new SimulatedDay();
    const { updateService } = service(policyFor({}), { timers: day });
    updateService.start();
    await settle(updateService);
    await day.pass(updateService);
    updateService.stop();
    expect(server.requests.filter((request) => request === '/latest-linux.yml')).toHaveLength(7);
  });

  it('check now asks the host at once, between scheduled checks', async () => {
    server.publish('latest', release('1.0.0'));
    const { updateService } = service(policyFor({}), { timers: new SimulatedDay() });
    updateService.start();
    await settle(updateService);
    await updateService.checkNow();
    expect(server.requests).toEqual(['/latest-linux.yml', '/latest-linux.yml']);
  });
});

describe('the update policy', () => {
  it('turns updates off without a URL, in development, and for per-machine installs (no elevation prompt)', () => {
    const config = { updatesEnabled: true, updateChannel: 'stable', updateUrl: 'https://updates.example.com' } as const;
    expect(updatePolicy({ ...config, updateUrl: undefined }, { isPackaged: true, installScope: 'per-user' })).toEqual({
      enabled: false,
      reason: 'no-update-url',
    });
    expect(updatePolicy(config, { isPackaged: false, installScope: 'per-user' })).toMatchObject({
      reason: 'development',
    });
    expect(updatePolicy(config, { isPackaged: true, installScope: 'per-machine' })).toMatchObject({
      enabled: false,
      reason: 'per-machine-install',
    });
    expect(updatePolicy(config, { isPackaged: true, installScope: 'per-user' })).toEqual({
      enabled: true,
      url: 'https://updates.example.com',
      channel: 'latest',
      allowPrerelease: false,
    });
  });
});
