/**
 * Entra ID sends booleans as the strings "True" and "False" in PATCH operations
 * (`{"op": "Replace", "path": "active", "value": "False"}`), which RFC 7643 types as boolean
 * and scimmy (rightly) refuses. This turns exactly those strings into booleans for boolean
 * attributes and leaves everything else for scimmy to validate.
 */
const booleanAttributes = new Set(['active']);

function toBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  return value;
}

export function normalizeEntraPatch(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { Operations?: unknown }).Operations))
    return body;
  const operations = (body as { Operations: unknown[] }).Operations.map((operation) => {
    if (typeof operation !== 'object' || operation === null) return operation;
    const { path, value } = operation as { path?: unknown; value?: unknown };
    if (typeof path === 'string' && booleanAttributes.has(path.toLowerCase()))
      return { ...operation, value: toBoolean(value) };
    if (path === undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>).map(([name, item]): [string, unknown] => [
        name,
        booleanAttributes.has(name.toLowerCase()) ? toBoolean(item) : item,
      ]);
      return { ...operation, value: Object.fromEntries(entries) };
    }
    return operation;
  });
  return { ...body, Operations: operations };
}
