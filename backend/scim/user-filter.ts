import type SCIMMY from 'scimmy';
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
