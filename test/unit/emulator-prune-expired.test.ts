/**
 * The emulator's token and download-link maps drop expired entries as they grow, without
 * scanning on every insert (that made each token cost time in proportion to all tokens issued).
 */
import { pruneExpired } from '../../sandbox/box-emulator/store.ts';

test('expired entries go once the map is large; live ones stay; the next scan waits for the map to double', () => {
  const map = new Map<string, { expiresAt: number }>();
  const past = Date.now() - 1000;
  const future = Date.now() + 60_000;
  for (let i = 0; i < 999; i++) map.set(`old-${i}`, { expiresAt: past });
  pruneExpired(map);
  expect(map.size).toBe(999);

  map.set('live-0', { expiresAt: future });
  pruneExpired(map);
  expect([...map.keys()]).toEqual(['live-0']);

  // Small again: nothing is scanned until the map reaches the threshold once more.
  for (let i = 0; i < 998; i++) map.set(`old-again-${i}`, { expiresAt: past });
  pruneExpired(map);
  expect(map.size).toBe(999);
  map.set('live-1', { expiresAt: future });
  pruneExpired(map);
  expect([...map.keys()].sort()).toEqual(['live-0', 'live-1']);
});

test('a map full of live entries is scanned again only after it doubles', () => {
  const map = new Map<string, { expiresAt: number }>();
  // Far enough ahead that a slow machine cannot expire them before the first scan; expired by hand below.
  const soon = Date.now() + 60_000;
  for (let i = 0; i < 1500; i++) map.set(`live-${i}`, { expiresAt: soon });
  pruneExpired(map);
  expect(map.size).toBe(1500);
  for (const value of map.values()) value.expiresAt = Date.now() - 1;
  map.set('one-more', { expiresAt: Date.now() + 60_000 });
  pruneExpired(map);
  // Under 2 × 1500: not scanned yet, the expired entries are still there.
  expect(map.size).toBe(1501);
  for (let i = 0; i < 1500; i++) map.set(`later-${i}`, { expiresAt: Date.now() + 60_000 });
  pruneExpired(map);
  expect(map.size).toBe(1501);
});
