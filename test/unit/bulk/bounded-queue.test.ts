import { setTimeout as sleep } from 'node:timers/promises';
import { BoundedQueue } from '../../../main/core/bulk/bounded-queue.ts';

test('never runs more than the limit at once, runs what tasks add, and is idle only when all are done', async () => {
  const queue = new BoundedQueue(3);
  let running = 0;
  let peak = 0;
  const finished: number[] = [];
  const task = (n: number) => async () => {
    running += 1;
    peak = Math.max(peak, running);
    await sleep(5 + (n % 3));
    running -= 1;
    finished.push(n);
    // The first ten add one more each, as a folder adds its files.
    if (n < 10) queue.add(task(100 + n));
  };
  for (let n = 0; n < 20; n++) queue.add(task(n));
  await queue.whenIdle();
  expect(peak).toBe(3);
  expect(finished).toHaveLength(30);
  expect(new Set(finished).size).toBe(30);
});

test('a failing task does not stop the others; a bad limit is refused', async () => {
  const queue = new BoundedQueue(2);
  const done: string[] = [];
  queue.add(() => Promise.reject(new Error('boom')));
  queue.add(() => Promise.resolve(void done.push('b')));
  await queue.whenIdle();
  expect(done).toEqual(['b']);
  expect(() => new BoundedQueue(0)).toThrow(RangeError);
});
