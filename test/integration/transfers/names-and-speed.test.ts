/** Local names for Box files, "keep both" names, and the speed and time-left arithmetic. */
import { join } from 'node:path';
import { freeLocalPath, localFileName, numberedName } from '../../../main/core/transfers/file-names.ts';
import { ProgressMeter } from '../../../main/core/transfers/progress-meter.ts';

test('"keep both" numbers the copy before the extension, as Box’s own clients do', () => {
  expect(numberedName('report.pdf', 1)).toBe('report (1).pdf');
  expect(numberedName('archive.tar.gz', 2)).toBe('archive.tar (2).gz');
  expect(numberedName('README', 3)).toBe('README (3)');
  expect(numberedName('.bashrc', 1)).toBe('.bashrc (1)');
  // A folder has no extension, whatever dots its name holds.
  expect(numberedName('Release v1.2', 1, 'folder')).toBe('Release v1.2 (1)');
});

test('the first free local name is taken', async () => {
  const taken = new Set([join('/d', 'a.txt'), join('/d', 'a (1).txt')]);
  expect(await freeLocalPath(join('/d', 'a.txt'), (path) => Promise.resolve(taken.has(path)))).toBe(
    join('/d', 'a (2).txt'),
  );
});

test('Box names that no desktop OS accepts become safe local names', () => {
  expect(localFileName('Q3: plan <draft>?.txt')).toBe('Q3_ plan _draft__.txt');
  expect(localFileName('Rapport été ✓.pdf')).toBe('Rapport été ✓.pdf');
  expect(localFileName('trailing dots...')).toBe('trailing dots');
  expect(localFileName('..')).toBe('download');
  expect(localFileName('a\u0001b')).toBe('a_b');
});

test('speed is averaged over the window and gives the time left', () => {
  const meter = new ProgressMeter(3000);
  expect(meter.sample(0, 100_000_000, 0)).toEqual({ bytesPerSecond: 0, secondsLeft: null });
  expect(meter.sample(10_000_000, 100_000_000, 1000)).toEqual({ bytesPerSecond: 10_000_000, secondsLeft: 9 });
  // A burst is smoothed by the window rather than reported as is.
  const burst = meter.sample(40_000_000, 100_000_000, 2000);
  expect(burst.bytesPerSecond).toBe(20_000_000);
  expect(burst.secondsLeft).toBe(3);
  // Old samples leave the window: after a stall the speed drops.
  meter.sample(40_000_000, 100_000_000, 5000);
  expect(meter.sample(40_000_000, 100_000_000, 6000)).toEqual({ bytesPerSecond: 0, secondsLeft: null });
});
