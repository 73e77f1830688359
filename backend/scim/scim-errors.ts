import SCIMMY from 'scimmy';
import { BoxConflictError, BoxRejectedError, HttpError } from '../http-errors.ts';
import { UserNameTakenError } from '../shared-state/scim-user-store.ts';

export const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface ScimErrorBody {
  schemas: [typeof errorSchema];
  status: string;
  scimType?: string;
  detail: string;
}

/** RFC 7644 §3.12 error JSON; the status is a string there. */
export function scimErrorBody(status: number, detail: string, scimType?: string): ScimErrorBody {
  return { schemas: [errorSchema], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

/** An error SCIM answers with, carrying its status (any, unlike scimmy's own list) and optional scimType. */
export class ScimError extends Error {
  readonly status: number;
  readonly scimType: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  constructor(status: number, detail: string, scimType?: string, retryAfterSeconds?: number) {
    super(detail);
    this.name = 'ScimError';
    this.status = status;
    this.scimType = scimType;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Turns what a SCIM handler threw into a SCIM error. Inside scimmy's handlers an error must
 * already be scimmy's own type, or scimmy reports it as "not found"; `toScimmy` does that.
 */
export function toScimError(error: unknown): ScimError {
  if (error instanceof ScimError) return error;
  if (error instanceof SCIMMY.Types.Error) {
    const status = Number(error.status);
    // Unknown attributes and wrong types are bad values to the client, not a server fault.
    return new ScimError(status, error.message, error.scimType ?? undefined);
  }
  if (error instanceof UserNameTakenError) return new ScimError(409, 'userName is already taken', 'uniqueness');
  if (error instanceof BoxConflictError)
    return new ScimError(409, 'Box already has a user or group with these values', 'uniqueness');
  if (error instanceof BoxRejectedError) return new ScimError(502, `Box refused the request (${error.logLine})`);
  if (error instanceof HttpError) return new ScimError(error.status, error.message, undefined, error.retryAfterSeconds);
  return new ScimError(500, 'internal error');
}

/** Carries a ScimError through scimmy, which only lets its own error type pass unchanged. */
export class ScimmyCarrier extends SCIMMY.Types.Error {
  readonly original: ScimError;
  constructor(original: ScimError) {
    super(original.status, '', original.message);
    this.original = original;
  }
}

export function carry(error: unknown): never {
  if (error instanceof SCIMMY.Types.Error) throw error;
  throw new ScimmyCarrier(toScimError(error));
}

export function unwrap(error: unknown): ScimError {
  return error instanceof ScimmyCarrier ? error.original : toScimError(error);
}
