import SCIMMY from 'scimmy';
import { ScimError } from './scim-errors.ts';
import type { ScimUserRecord, ScimUserStore } from '../shared-state/scim-user-store.ts';

/** A filter branch's `eq` value for an attribute (names are case-insensitive in SCIM). */
function equalityValue(branch: Record<string, unknown>, attribute: string): string | undefined {
  for (const [name, comparison] of Object.entries(branch)) {
    if (name.toLowerCase() !== attribute.toLowerCase() || !Array.isArray(comparison)) continue;
    const [operator, value] = comparison as unknown[];
    if (typeof operator === 'string' && operator.toLowerCase() === 'eq' && typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * The stored users a filter can match, looked up by index where it can (`userName eq`, the
 * identity providers' first question); the caller then applies the whole filter with scimmy.
 * A filter's top level is a list of `or` branches, each an `and` of attribute comparisons.
 */
export async function candidateRecords(
  store: ScimUserStore,
  filter: SCIMMY.Types.Filter | undefined,
): Promise<ScimUserRecord[]> {
  if (!filter || filter.length === 0) return store.list();
  const found = new Map<string, ScimUserRecord>();
  let all: ScimUserRecord[] | undefined;
  for (const branch of filter as unknown as Record<string, unknown>[]) {
    const userName = equalityValue(branch, 'userName');
    if (userName !== undefined) {
      const record = await store.findByUserName(userName);
      if (record) found.set(record.id, record);
      continue;
    }
    all ??= await store.list();
    for (const record of all) found.set(record.id, record);
  }
  return [...found.values()];
}

/** RFC 7643 makes these case-insensitive (caseExact false); scimmy's matcher compares exactly. */
const caseInsensitive = new Set(['username', 'emails']);

function lowered(comparison: unknown): unknown {
  if (Array.isArray(comparison))
    return (comparison as unknown[]).map((part, index) =>
      index > 0 && typeof part === 'string' ? part.toLowerCase() : part,
    );
  if (typeof comparison === 'object' && comparison !== null)
    return Object.fromEntries(
      Object.entries(comparison as Record<string, unknown>).map(([name, inner]) => [name, lowered(inner)]),
    );
  return comparison;
}

/**
 * Applies the whole filter with scimmy's matcher, comparing userName and emails without
 * regard to case (an IdP asks for `userName eq "Alice@Example.com"` and must find alice).
 */
export function matchUsers<T extends { id: string; userName: string; emails?: unknown }>(
  users: T[],
  filter: SCIMMY.Types.Filter,
): T[] {
  const branches = (filter as unknown as Record<string, unknown>[]).map((branch) =>
    Object.fromEntries(
      Object.entries(branch).map(([name, comparison]) => [
        name,
        caseInsensitive.has(name.toLowerCase()) ? lowered(comparison) : comparison,
      ]),
    ),
  );
  const projected = users.map((user) => ({
    ...user,
    userName: user.userName.toLowerCase(),
    ...(Array.isArray(user.emails)
      ? {
          emails: (user.emails as { value?: unknown }[]).map((email) => ({
            ...email,
            ...(typeof email.value === 'string' ? { value: email.value.toLowerCase() } : {}),
          })),
        }
      : {}),
  }));
  let lowerCaseFilter: SCIMMY.Types.Filter;
  try {
    lowerCaseFilter = new SCIMMY.Types.Filter(branches);
  } catch (error) {
    // scimmy parses `userName eq` (no value) but refuses the same expression as objects: the filter is invalid.
    throw new ScimError(400, error instanceof Error ? error.message : 'invalid filter', 'invalidFilter');
  }
  const matched = new Set(lowerCaseFilter.match(projected).map((user) => (user as { id: string }).id));
  return users.filter((user) => matched.has(user.id));
}
