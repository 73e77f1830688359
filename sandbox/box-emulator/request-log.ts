/** One handled request, as tests read it back over the control API. */
export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  query: string;
  /** The route key, or `null` when no route matched. */
  route: string | null;
  status: number;
  /** When the request arrived, epoch milliseconds (benchmarks put Box calls on one timeline with other peers'). */
  startedAt: number;
  durationMs: number;
  /** The JSON response body, kept only when body capture is on. */
  responseBody?: unknown;
}

const MAX_ENTRIES = 5000;

/** A bounded in-memory request log plus per-route call counts (counts are never trimmed). */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;
  readonly counts = new Map<string, number>();
  captureBodies: boolean;

  constructor(captureBodies: boolean) {
    this.captureBodies = captureBodies;
  }

  count(route: string): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ ...entry, seq: this.seq });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(sinceSeq = 0): LoggedRequest[] {
    return this.entries.filter((e) => e.seq > sinceSeq);
  }

  clear(): void {
    this.entries = [];
    this.counts.clear();
  }
}
