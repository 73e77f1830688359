/**
 * Two shapes Entra ID sends in PATCH that RFC 7643/7644 read strictly would refuse, made into
 * what they mean before scimmy validates the request:
 * - booleans as the strings "True" and "False" (`{"op": "Replace", "path": "active", "value": "False"}`);
 * - `Add` to `emails[type eq "work"].value` when the user has no work email yet (scimmy answers
 *   noTarget): that becomes an add of `{type: "work", value}` to `emails`.
 * Everything else is left for scimmy to validate.
 */
const booleanAttributes = new Set(['active']);
const typedValuePath = /^([A-Za-z]+)\[type eq "([^"]+)"\]\.([A-Za-z]+)$/i;

type Operation = Record<string, unknown> & { op?: unknown; path?: unknown; value?: unknown };

function toBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  return value;
}

function normalizeOperation(operation: Operation, current: Record<string, unknown>): Operation {
  const { op, path, value } = operation;
  if (typeof path === 'string' && booleanAttributes.has(path.toLowerCase()))
    return { ...operation, value: toBoolean(value) };
  if (path === undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).map(([name, item]): [string, unknown] => [
      name,
      booleanAttributes.has(name.toLowerCase()) ? toBoolean(item) : item,
    ]);
    return { ...operation, value: Object.fromEntries(entries) };
  }
  const typed =
    typeof path === 'string' && typeof op === 'string' && op.toLowerCase() === 'add' && typedValuePath.exec(path);
  if (typed) {
    const [, attribute, type, subAttribute] = typed as unknown as [string, string, string, string];
    const existing = Object.entries(current).find(([name]) => name.toLowerCase() === attribute.toLowerCase())?.[1];
    const hasType = Array.isArray(existing) && existing.some((item) => (item as { type?: unknown }).type === type);
    if (!hasType) return { op: 'add', path: attribute, value: [{ type, [subAttribute]: value }] };
  }
  return operation;
}

/** `current` is the resource as it is now (the typed-path rewrite depends on it). */
export function normalizeEntraPatch(body: unknown, current: Record<string, unknown>): unknown {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { Operations?: unknown }).Operations))
    return body;
  const operations = (body as { Operations: unknown[] }).Operations.map((operation) =>
    typeof operation === 'object' && operation !== null
      ? normalizeOperation(operation as Operation, current)
      : operation,
  );
  return { ...body, Operations: operations };
}
