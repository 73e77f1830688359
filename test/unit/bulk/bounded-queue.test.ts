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

test('a task added for later holds no slot meanwhile: the others run first, it runs once its time has come', async () => {
  const queue = new BoundedQueue(1);
  const order: string[] = [];
  const record = (name: string) => () => Promise.resolve(void order.push(`${name}@${Date.now()}`));
  const start = Date.now();
  queue.add(record('later'), start + 80);
  queue.add(record('a'));
  queue.add(record('b'));
  await queue.whenIdle();
  expect(order.map((entry) => entry.split('@')[0])).toEqual(['a', 'b', 'later']);
  expect(Number(order[2]!.split('@')[1])).toBeGreaterThanOrEqual(start + 80);
});

test('a pause starts nothing new until it ends; wake ends pauses and waits at once', async () => {
  const queue = new BoundedQueue(2);
  const startedAt: number[] = [];
  const task = () => Promise.resolve(void startedAt.push(Date.now()));
  const pausedAt = Date.now();
  queue.pauseUntil(pausedAt + 60);
  queue.add(task);
  queue.add(task);
  await queue.whenIdle();
  expect(startedAt).toHaveLength(2);
  for (const time of startedAt) expect(time).toBeGreaterThanOrEqual(pausedAt + 60);

  // A long pause and a long wait, then wake: both run now, not in ten minutes.
  startedAt.length = 0;
  queue.pauseUntil(Date.now() + 600_000);
  queue.add(task, Date.now() + 600_000);
  queue.add(task);
  queue.wake();
  await queue.whenIdle();
  expect(startedAt).toHaveLength(2);
});
