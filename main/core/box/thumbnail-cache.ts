/**
 * Thumbnails kept in memory, bounded by total bytes (least recently used goes first), so
 * scrolling back through a folder does not ask Box again and a huge folder cannot grow the
 * main process without limit. Misses (files Box has no thumbnail for) are remembered too.
 */
export class ThumbnailCache {
  readonly maxBytes: number;
  readonly #entries = new Map<string, string | null>();
  #bytes = 0;

  constructor(maxBytes = 16 * 1024 * 1024) {
    this.maxBytes = maxBytes;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  get(key: string): string | null | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) ?? null;
    // Re-inserting moves the entry to the most recently used end of the Map's order.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: string, dataUrl: string | null): void {
    this.delete(key);
    const cost = dataUrl?.length ?? 0;
    if (cost > this.maxBytes) return;
    this.#entries.set(key, dataUrl);
    this.#bytes += cost;
    for (const [oldest, value] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= value?.length ?? 0;
    }
  }

  delete(key: string): void {
    if (!this.#entries.has(key)) return;
    this.#bytes -= this.#entries.get(key)?.length ?? 0;
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}
