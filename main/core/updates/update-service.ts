/**
 * Updates that IT controls. The policy decides before anything else whether an updater exists
 * at all; when it does, electron-updater's generic provider reads the IT-hosted feed, our
 * placement decides the staged rollout, electron-updater verifies the download's sha512 and
 * the update installs when the app quits. Checks run at start and then periodically; the
 * settings screen's "Check now" runs one at once.
 *
 * The updater is injected: `autoUpdater` from electron-updater in the Electron shell, a real
 * electron-updater subclass with a stand-in installer in tests.
 */
import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { UpdateStatus } from '../../../common/update-status.ts';
import { isWithinRollout } from './rollout-placement.ts';
import type { UpdatePolicy } from './update-policy.ts';

/** The part of electron-updater's AppUpdater this service drives. */
export type Updater = Pick<
  AppUpdater,
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'on'
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowPrerelease'
  | 'allowDowngrade'
  | 'isUserWithinRollout'
  | 'logger'
>;

/** Repeats a callback; answers the function that stops it. Tests pass a simulated clock. */
export interface Timers {
  every(ms: number, callback: () => void): () => void;
}

const realTimers: Timers = {
  every(ms, callback) {
    const handle = setInterval(callback, ms);
    // A pending check must not keep the app from quitting.
    handle.unref();
    return () => clearInterval(handle);
  },
};

export const defaultCheckIntervalMs = 4 * 60 * 60 * 1000;

export interface UpdateServiceOptions {
  policy: UpdatePolicy;
  /** Called only when the policy enables updates, so a disabled policy never creates one. */
  createUpdater: () => Updater;
  /** Places this user in staged rollouts: the signed-in user's id, or the installation's. */
  placementId: () => string;
  timers?: Timers;
  checkIntervalMs?: number;
  now?: () => Date;
  /** Where failures go (the diagnostics log); electron-updater's own chatter is dropped. */
  onError?: (error: Error) => void;
}

export class UpdateService {
  private status: UpdateStatus;
  private updater: Updater | undefined;
  private stopChecks: (() => void) | undefined;
  private readonly listeners = new Set<(status: UpdateStatus) => void>();
  private readonly options: UpdateServiceOptions;
  private lastOffered: UpdateInfo | undefined;
  private offeredWithinRollout = true;

  constructor(options: UpdateServiceOptions) {
    this.options = options;
    this.status = options.policy.enabled ? { state: 'idle' } : { state: 'disabled', reason: options.policy.reason };
  }

  getStatus(): UpdateStatus {
    return this.status;
  }

  onChange(listener: (status: UpdateStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first check, then one per interval. Does nothing at all when the policy disables updates. */
  start(): void {
    if (!this.options.policy.enabled || this.stopChecks !== undefined) return;
    const timers = this.options.timers ?? realTimers;
    this.stopChecks = timers.every(this.options.checkIntervalMs ?? defaultCheckIntervalMs, () => void this.checkNow());
    void this.checkNow();
  }

  stop(): void {
    this.stopChecks?.();
    this.stopChecks = undefined;
  }

  /** "Check now". A check while one is running or an update waits to install changes nothing. */
  async checkNow(): Promise<UpdateStatus> {
    const updater = this.ensureUpdater();
    if (updater === undefined) return this.status;
    if (['checking', 'downloading', 'ready'].includes(this.status.state)) return this.status;
    this.setStatus({ state: 'checking' });
    try {
      const result = await updater.checkForUpdates();
      // The download (when there is one) reports through the updater's events.
      if (result?.downloadPromise) await result.downloadPromise.catch(() => undefined);
      if (this.status.state === 'checking') this.setStatus(this.settledStatus());
    } catch (error) {
      this.fail(error);
    }
    return this.status;
  }

  private settledStatus(): UpdateStatus {
    const checkedAt = (this.options.now ?? (() => new Date()))().toISOString();
    if (this.lastOffered !== undefined && !this.offeredWithinRollout) {
      return { state: 'not-in-rollout', version: this.lastOffered.version, checkedAt };
    }
    return { state: 'up-to-date', checkedAt };
  }

  private ensureUpdater(): Updater | undefined {
    const { policy } = this.options;
    if (!policy.enabled) return undefined;
    if (this.updater !== undefined) return this.updater;
    const updater = this.options.createUpdater();
    updater.logger = null;
    updater.setFeedURL({ provider: 'generic', url: policy.url, channel: policy.channel });
    updater.allowPrerelease = policy.allowPrerelease;
    // Setting a channel lets electron-updater downgrade; a move from beta to stable waits instead.
    updater.allowDowngrade = false;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.isUserWithinRollout = (info) => {
      this.lastOffered = info;
      this.offeredWithinRollout = isWithinRollout(this.options.placementId(), info.stagingPercentage);
      return this.offeredWithinRollout;
    };
    updater.on('update-available', (info) => this.setStatus({ state: 'downloading', version: info.version }));
    updater.on('update-downloaded', (info) => this.setStatus({ state: 'ready', version: info.version }));
    updater.on('error', (error) => this.fail(error));
    this.updater = updater;
    return updater;
  }

  private fail(error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    this.options.onError?.(failure);
    this.setStatus({ state: 'error', message: failure.message });
  }

  private setStatus(status: UpdateStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}
