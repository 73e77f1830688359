import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface PartRecord {
  part_id: string;
  offset: number;
  size: number;
  sha1: string;
}

/** Box only opens upload sessions for files of 20 MB or more. */
export const MIN_CHUNKED_FILE_SIZE = 20_000_000;
export const PART_SIZE = 8 * 1024 * 1024;

/**
 * One chunked upload. Parts are written into a sparse temp file at their offsets, so nothing of
 * the file is held in memory. While parts arrive in order a running SHA-1 covers them, so the
 * commit's whole-file digest is checked without re-reading; out-of-order uploads re-read the file.
 */
export class UploadSessionRecord {
  readonly id = randomBytes(16).toString('hex').toUpperCase();
  readonly ownerId: string;
  /** The folder for a new file, or the file that gets a new version. */
  readonly target: { folderId: string } | { fileId: string };
  readonly fileName: string;
  readonly fileSize: number;
  readonly partSize = PART_SIZE;
  readonly totalParts: number;
  readonly expiresAt = new Date(Date.now() + 7 * 24 * 3600_000);
  readonly parts = new Map<number, PartRecord>();
  readonly path: string;
  private running: Hash = createHash('sha1');
  private hashedUpTo = 0;

  constructor(input: {
    ownerId: string;
    target: UploadSessionRecord['target'];
    fileName: string;
    fileSize: number;
    tempDir: string;
  }) {
    this.ownerId = input.ownerId;
    this.target = input.target;
    this.fileName = input.fileName;
    this.fileSize = input.fileSize;
    this.totalParts = Math.ceil(input.fileSize / PART_SIZE);
    this.path = join(input.tempDir, `${this.id}.part`);
  }

  async create(): Promise<void> {
    await writeFile(this.path, '');
  }

  /** The size a part at `offset` must have: `part_size`, except for a shorter last part. */
  expectedPartSize(offset: number): number {
    return Math.min(this.partSize, this.fileSize - offset);
  }

  /**
   * Streams one part into the temp file, hashing as it goes. Returns its SHA-1 (base64) and
   * length; the caller rejects the part (and we roll back the running hash) if they do not match.
   */
  async writePart(
    offset: number,
    body: Readable,
  ): Promise<{ sha1Base64: string; sha1Hex: string; size: number; commit: () => void }> {
    const partHash = createHash('sha1');
    const inOrder = offset === this.hashedUpTo;
    const nextRunning = inOrder ? this.running.copy() : undefined;
    let size = 0;
    const hasher = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        partHash.update(chunk);
        nextRunning?.update(chunk);
        callback(null, chunk);
      },
    });
    await pipeline(body, hasher, createWriteStream(this.path, { flags: 'r+', start: offset }));
    const digest = partHash.digest();
    return {
      sha1Base64: digest.toString('base64'),
      sha1Hex: digest.toString('hex'),
      size,
      commit: () => {
        if (nextRunning) {
          this.running = nextRunning;
          this.hashedUpTo = offset + size;
        }
      },
    };
  }

  uploadedBytes(): number {
    let total = 0;
    for (const part of this.parts.values()) total += part.size;
    return total;
  }

  sortedParts(): PartRecord[] {
    return [...this.parts.values()].sort((a, b) => a.offset - b.offset);
  }

  /** The whole file's SHA-1 (base64), from the running hash when parts came in order. */
  async wholeSha1(): Promise<{ base64: string; hex: string }> {
    let digest: Buffer;
    if (this.hashedUpTo === this.fileSize) {
      digest = this.running.copy().digest();
    } else {
      const hash = createHash('sha1');
      for await (const chunk of createReadStream(this.path) as AsyncIterable<Buffer>) hash.update(chunk);
      digest = hash.digest();
    }
    return { base64: digest.toString('base64'), hex: digest.toString('hex') };
  }

  async discard(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
