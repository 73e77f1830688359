import { BoxError } from './errors.ts';
import type { JsonObject } from './http-io.ts';
import type { UserRecord, UserStatus } from './store.ts';

/**
 * Box's answer to a body field that breaks the spec's limits: `400 bad_request` naming the field in
 * `context_info.errors`, as Box's API does for schema violations.
 */
export function invalidParameter(name: string, message: string): BoxError {
  return new BoxError(400, 'bad_request', 'Bad Request', {
    contextInfo: { errors: [{ reason: 'invalid_parameter', name, message }] },
  });
}

/** The length limits of `POST /users` and `PUT /users/{id}` in Box's OpenAPI description. */
const MAX_LENGTH = { name: 50, job_title: 100, phone: 100, address: 255 } as const;
const STATUSES: readonly UserStatus[] = ['active', 'inactive', 'cannot_delete_edit', 'cannot_delete_edit_upload'];

function optionalString(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidParameter(key, `'${key}' must be a string`);
  const limit = MAX_LENGTH[key as keyof typeof MAX_LENGTH] as number | undefined;
  if (limit !== undefined && value.length > limit) {
    throw invalidParameter(key, `Invalid value '${value}'. '${key}' exceeds the maximum length of ${limit}`);
  }
  return value;
}

export interface UserChanges {
  name?: string;
  status?: UserStatus;
  externalAppUserId?: string;
  jobTitle?: string;
  phone?: string;
  address?: string;
  language?: string;
  timezone?: string;
  spaceAmount?: number;
}

/** Reads and checks the user fields of a create or update body; nothing is changed until all pass. */
export function readUserChanges(body: JsonObject): UserChanges {
  const name = optionalString(body, 'name');
  if (name !== undefined && name.trim() === '') throw invalidParameter('name', "'name' must not be empty");
  const status = optionalString(body, 'status');
  if (status !== undefined && !STATUSES.includes(status as UserStatus)) {
    throw invalidParameter('status', `Invalid value '${status}'. 'status' must be one of ${STATUSES.join(', ')}`);
  }
  const changes: UserChanges = {};
  const set = <K extends keyof UserChanges>(key: K, value: UserChanges[K] | undefined) => {
    if (value !== undefined) changes[key] = value;
  };
  set('name', name?.trim());
  set('status', status as UserStatus | undefined);
  set('externalAppUserId', optionalString(body, 'external_app_user_id'));
  set('jobTitle', optionalString(body, 'job_title'));
  set('phone', optionalString(body, 'phone'));
  set('address', optionalString(body, 'address'));
  set('language', optionalString(body, 'language'));
  set('timezone', optionalString(body, 'timezone'));
  const space = body.space_amount;
  if (space !== undefined) {
    if (typeof space !== 'number' || !Number.isInteger(space) || space < -1) {
      throw invalidParameter('space_amount', "'space_amount' must be a whole number of bytes, or -1 for unlimited");
    }
    changes.spaceAmount = space;
  }
  return changes;
}

export function applyUserChanges(user: UserRecord, changes: UserChanges, modifiedAt: string): void {
  if (changes.name !== undefined) user.name = changes.name;
  if (changes.status !== undefined) user.status = changes.status;
  if (changes.externalAppUserId !== undefined) user.externalAppUserId = changes.externalAppUserId;
  if (changes.spaceAmount !== undefined) user.spaceAmount = changes.spaceAmount;
  const { profile } = user;
  if (changes.jobTitle !== undefined) profile.jobTitle = changes.jobTitle;
  if (changes.phone !== undefined) profile.phone = changes.phone;
  if (changes.address !== undefined) profile.address = changes.address;
  if (changes.language !== undefined) profile.language = changes.language;
  if (changes.timezone !== undefined) profile.timezone = changes.timezone;
  user.modifiedAt = modifiedAt;
}
