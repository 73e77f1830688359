import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

/**
 * Where a file version's bytes live. Large seeded files are a deterministic pattern generated on
 * the fly (never stored); multipart uploads stay in memory (Box caps them at 50 MB); chunked
 * uploads live in a temp file written part by part.
 */
export type ContentSource =
  | { kind: 'buffer'; size: number; sha1: string; data: Buffer }
  | { kind: 'pattern'; size: number; sha1: string; seed: number }
  | { kind: 'disk'; size: number; sha1: string; path: string };

/** The pattern's period is prime so consecutive chunks never line up with it. */
const PERIOD = 251;
const CHUNK = 256 * 1024;
const PATTERN_BLOCK = Buffer.from(Array.from({ length: CHUNK + PERIOD }, (_, i) => i % PERIOD));

/** Byte `i` of a pattern file with seed `s` is `(i + s) % 251`. */
function patternSlice(seed: number, offset: number, length: number): Buffer {
  const start = (offset + seed) % PERIOD;
  return PATTERN_BLOCK.subarray(start, start + length);
}

/** Streams `length` bytes of the pattern starting at `offset`: read-only views of one shared block, no copies. */
export function patternStream(seed: number, offset: number, length: number): Readable {
  let position = offset;
  const end = offset + length;
  return new Readable({
    read() {
      if (position >= end) {
        this.push(null);
        return;
      }
      const size = Math.min(CHUNK, end - position);
      this.push(patternSlice(seed, position, size));
      position += size;
    },
  });
}

const patternSha1Cache = new Map<string, string>();

/** SHA-1 of a whole pattern file, hashed once per (seed, size) without allocating the file. */
export function patternSha1(seed: number, size: number): string {
  const key = `${seed}:${size}`;
  const cached = patternSha1Cache.get(key);
  if (cached) return cached;
  const hash = createHash('sha1');
  for (let position = 0; position < size; position += CHUNK) {
    hash.update(patternSlice(seed, position, Math.min(CHUNK, size - position)));
  }
  const digest = hash.digest('hex');
  patternSha1Cache.set(key, digest);
  return digest;
}

export function bufferSource(data: Buffer): ContentSource {
  return { kind: 'buffer', size: data.length, sha1: createHash('sha1').update(data).digest('hex'), data };
}

export function patternSource(size: number, seed: number): ContentSource {
  return { kind: 'pattern', size, seed, sha1: patternSha1(seed, size) };
}

/** Reads bytes `start..end` inclusive of a content source as a stream. */
export function openContent(source: ContentSource, start: number, end: number): Readable {
  const length = end - start + 1;
  if (length <= 0) return Readable.from([]);
  switch (source.kind) {
    case 'buffer':
      return Readable.from([source.data.subarray(start, end + 1)]);
    case 'pattern':
      return patternStream(source.seed, start, length);
    case 'disk':
      return createReadStream(source.path, { start, end });
  }
}
