/** What the updater is doing, for the settings screen and diagnostics. */
export type UpdateStatus =
  | {
      state: 'disabled';
      /** policy: `updatesEnabled` is false; no-update-url: nothing configured; per-machine: IT deploys updates. */
      reason: 'policy' | 'no-update-url' | 'per-machine-install' | 'development' | 'configuration-error';
    }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date'; checkedAt: string }
  /** A newer version exists but its staged rollout has not reached this user yet. */
  | { state: 'not-in-rollout'; version: string; checkedAt: string }
  | { state: 'downloading'; version: string }
  /** Downloaded and verified; installs when the app quits. */
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string };
