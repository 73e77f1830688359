/**
 * Speed and time left for one transfer, from the bytes seen over a sliding window: a window
 * long enough to smooth bursts (parts land 8 MB at a time) yet short enough to follow a change.
 */
export class ProgressMeter {
  readonly #windowMs: number;
  #samples: { at: number; bytes: number }[] = [];

  constructor(windowMs = 3000) {
    this.#windowMs = windowMs;
  }

  reset(): void {
    this.#samples = [];
  }

  /** Records the total so far at `now` and returns the speed (bytes/s, 0 if unknown) and seconds left (null if unknown). */
  sample(
    transferred: number,
    total: number,
    now = performance.now(),
  ): { bytesPerSecond: number; secondsLeft: number | null } {
    this.#samples.push({ at: now, bytes: transferred });
    // Keep one sample older than the window so the span always covers it.
    while (this.#samples.length > 2 && now - this.#samples[1]!.at >= this.#windowMs) this.#samples.shift();
    const first = this.#samples[0]!;
    const span = (now - first.at) / 1000;
    if (span <= 0) return { bytesPerSecond: 0, secondsLeft: null };
    const bytesPerSecond = Math.max(0, (transferred - first.bytes) / span);
    if (bytesPerSecond === 0) return { bytesPerSecond: 0, secondsLeft: null };
    return {
      bytesPerSecond: Math.round(bytesPerSecond),
      secondsLeft: Math.ceil(Math.max(0, total - transferred) / bytesPerSecond),
    };
  }
}
