import { describe, expect, it } from 'vitest';
import { isWithinRollout, rolloutPlacement } from '../../../main/core/updates/rollout-placement.ts';

/** Synthetic user ids of the shapes the app uses: SSO subjects and installation UUIDs. */
const ids = Array.from({ length: 10_000 }, (_, index) =>
  index % 2 === 0 ? `00u${index.toString(36).padStart(8, '0')}` : `install-${index}-${(index * 2654435761) % 2 ** 32}`,
);

describe('staged rollout placement', () => {
  it.each([1, 5, 10, 25, 50, 75, 90, 99])(
    'admits %i percent of 10,000 users, within 1 percentage point',
    (percentage) => {
      const admitted = ids.filter((id) => isWithinRollout(id, percentage)).length;
      const share = (admitted / ids.length) * 100;
      console.log(`rollout ${percentage} %: ${admitted} of ${ids.length} admitted (${share.toFixed(2)} %)`);
      expect(Math.abs(share - percentage)).toBeLessThanOrEqual(1);
    },
  );

  it('places a user at the same spot every time, and only adds users as the percentage grows', () => {
    for (const id of ids.slice(0, 500)) {
      expect(rolloutPlacement(id)).toBe(rolloutPlacement(id));
      for (const [lower, higher] of [
        [10, 20],
        [20, 50],
        [50, 100],
      ] as const) {
        if (isWithinRollout(id, lower)) expect(isWithinRollout(id, higher)).toBe(true);
      }
    }
  });

  it('admits nobody at 0 %, everybody at 100 % or with no percentage, and reads the feed’s text form', () => {
    expect(ids.some((id) => isWithinRollout(id, 0))).toBe(false);
    expect(ids.every((id) => isWithinRollout(id, 100))).toBe(true);
    expect(ids.every((id) => isWithinRollout(id, undefined))).toBe(true);
    expect(ids.filter((id) => isWithinRollout(id, '50')).length).toBe(
      ids.filter((id) => isWithinRollout(id, 50)).length,
    );
  });
});
