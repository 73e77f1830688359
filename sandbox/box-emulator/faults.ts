/**
 * Faults a test injects per route key (`GET /2.0/folders/{folder_id}/items`, or `*` for all
 * Box routes). A fault may answer with an error status instead of running the handler, and may
 * delay, throttle or cut the response body.
 */
export interface FaultSpec {
  route: string;
  /** Delay before the handler runs. */
  latencyMs?: number;
  /** Answer with this status (e.g. 429, 500, 503) instead of running the handler. */
  status?: number;
  /** Box's `code` in a status fault's error body (e.g. `storage_limit_exceeded`); by default the one the status implies. */
  code?: string;
  /** Sent as `retry-after` (lower-case, as Box sends it) with a status fault. */
  retryAfterSeconds?: number;
  /** Write this many body bytes, then destroy the connection. */
  dropAfterBytes?: number;
  /** Throttle the response body to this rate. */
  bytesPerSecond?: number;
  /** Apply to this many matching requests, then expire (default: until cleared). */
  times?: number;
}

export interface ActiveFault extends FaultSpec {
  id: number;
}

export class FaultTable {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    const fault = { ...spec, id: this.nextId++ };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return [...this.faults];
  }

  /** Takes the first fault for a route, counting down its `times`. */
  take(route: string): ActiveFault | undefined {
    const fault = this.faults.find((f) => f.route === route || f.route === '*');
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return fault;
  }
}
