/**
 * Staged rollouts (`stagingPercentage` in latest.yml): each user has a fixed place in
 * [0, 100) derived from their id, so raising the percentage only ever adds users, a user
 * never flips in and out between checks, and IT can tell who gets a release first.
 */
import { createHash } from 'node:crypto';

/** The user's place: the first 48 bits of SHA-256(id), scaled to [0, 100). */
export function rolloutPlacement(id: string): number {
  const digest = createHash('sha256').update(id, 'utf8').digest();
  return (digest.readUIntBE(0, 6) / 2 ** 48) * 100;
}

/** No percentage in the feed means everyone; electron-updater accepts it as a number or text. */
export function isWithinRollout(id: string, stagingPercentage: number | string | undefined): boolean {
  if (stagingPercentage === undefined || stagingPercentage === null) return true;
  const percentage = Number(stagingPercentage);
  if (!Number.isFinite(percentage)) return true;
  return rolloutPlacement(id) < Math.min(Math.max(percentage, 0), 100);
}
