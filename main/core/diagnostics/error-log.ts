/**
 * A small rotating log of recent errors in the app's data folder, for diagnostics. Two files
 * of at most `maxBytes` each (the current one and the one before), JSON lines, so the log can
 * never grow without bound. Each entry keeps only the first line of a message, cut short and
 * redacted: response bodies, stack traces and whatever a message quotes after its first line
 * (file contents among them) never reach the disk.
 */
import { appendFile, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { redact } from './redact.ts';

export interface ErrorLogEntry {
  time: string;
  /** The part of the app that failed, e.g. `updates`, `sign-in`, `transfers`. */
  area: string;
  message: string;
  code?: string;
}

export const errorLogFileName = 'errors.log';
const previousFileName = 'errors.1.log';
const maxMessageLength = 300;

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

export class ErrorLog {
  private readonly folder: string;
  private readonly maxBytes: number;
  private readonly now: () => Date;
  private writing: Promise<void> = Promise.resolve();
  private tailChecked = false;

  constructor(options: { folder: string; maxBytes?: number; now?: () => Date }) {
    this.folder = options.folder;
    this.maxBytes = options.maxBytes ?? 256 * 1024;
    this.now = options.now ?? (() => new Date());
  }

  /** Never throws: a diagnostics log that cannot be written must not break what failed. */
  record(area: string, error: unknown): Promise<void> {
    const raw = error instanceof Error ? error.message : String(error);
    const firstLine = raw.split(/\r?\n/, 1)[0] ?? '';
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    const entry: ErrorLogEntry = {
      time: this.now().toISOString(),
      area,
      message: redact(firstLine.slice(0, maxMessageLength)),
      ...(code !== undefined ? { code: redact(code) } : {}),
    };
    this.writing = this.writing.then(() => this.append(`${JSON.stringify(entry)}\n`)).catch(() => undefined);
    return this.writing;
  }

  /** The newest `limit` entries, oldest first. */
  async recent(limit = 50): Promise<ErrorLogEntry[]> {
    await this.writing;
    const texts = await Promise.all(
      [previousFileName, errorLogFileName].map((name) =>
        readFile(path.join(this.folder, name), 'utf8').catch((error: unknown) => {
          if (isMissing(error)) return '';
          throw error;
        }),
      ),
    );
    const entries = texts
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .flatMap((line): ErrorLogEntry[] => {
        try {
          return [JSON.parse(line) as ErrorLogEntry];
        } catch {
          return []; // a line cut by a crash mid-write
        }
      });
    return entries.slice(-limit);
  }

  /** Where the log lives and how much room it takes, for the settings screen's storage section. */
  async usage(): Promise<{ path: string; bytes: number }> {
    await this.writing;
    const sizes = await Promise.all(
      [previousFileName, errorLogFileName].map((name) =>
        stat(path.join(this.folder, name)).then(
          (info) => info.size,
          () => 0,
        ),
      ),
    );
    return { path: path.join(this.folder, errorLogFileName), bytes: sizes.reduce((sum, size) => sum + size, 0) };
  }

  async clear(): Promise<void> {
    await this.writing;
    await Promise.all(
      [previousFileName, errorLogFileName].map((name) => rm(path.join(this.folder, name), { force: true })),
    );
    this.tailChecked = false;
  }

  private async append(line: string): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const file = path.join(this.folder, errorLogFileName);
    const size = await stat(file).then(
      (info) => info.size,
      () => 0,
    );
    if (size + Buffer.byteLength(line) > this.maxBytes) await rename(file, path.join(this.folder, previousFileName));
    // After a crash mid-write the file ends inside a line: start on a fresh one so this entry survives.
    const prefix = !this.tailChecked && size > 0 && !(await endsWithNewline(file, size)) ? '\n' : '';
    this.tailChecked = true;
    await appendFile(file, prefix + line, { mode: 0o600 });
  }
}

async function endsWithNewline(file: string, size: number): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (handle === undefined) return true;
  try {
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
