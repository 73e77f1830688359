import SCIMMY from 'scimmy';
import { ScimError } from './scim-errors.ts';

/**
 * scimmy drops attributes its schema does not know; we refuse them instead (400 invalidValue), so
 * a typo or a mapping an IdP admin got wrong shows at once rather than as data silently lost.
 * Known: the core User attributes and the declared extensions (the enterprise User).
 */
export function refuseUnknownUserAttributes(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const known = new Set(SCIMMY.Schemas.User.definition.attributes.map((attribute) => attribute.name.toLowerCase()));
  for (const name of Object.keys(body)) {
    const lower = name.toLowerCase();
    if (known.has(lower) || lower === SCIMMY.Schemas.EnterpriseUser.definition.id.toLowerCase()) continue;
    throw new ScimError(400, `unknown attribute '${name}' for a User`, 'invalidValue');
  }
}
