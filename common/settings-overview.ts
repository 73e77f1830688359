/** What the settings screen shows beside the configuration: network path, local storage. */
import type { NetworkFacts } from './network-facts.ts';

/** The settings a user may change in the app (when no policy locks them); the rest only IT sets. */
export const userEditableSettings = ['loginHint', 'updateChannel'] as const;
export type UserEditableSetting = (typeof userEditableSettings)[number];

export interface StorageEntry {
  id: 'error-log';
  label: string;
  path: string;
  bytes: number;
}

export interface SettingsOverview {
  /** How connections leave the machine; null while the configuration cannot be read. */
  network: NetworkFacts;
  storage: StorageEntry[];
  /** A changed setting applies from the next start. */
  restartNeeded: boolean;
}
