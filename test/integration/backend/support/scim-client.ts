/** SCIM requests the way identity providers send them: bearer secret, SCIM JSON. */
export const scimToken = 'scim-test-secret-0123456789abcdef-0123456789';

export interface ScimAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | undefined;
}

export async function scim(
  backendUrl: string,
  method: string,
  path: string,
  body?: unknown,
  options: { token?: string; contentType?: string; rawBody?: string } = {},
): Promise<ScimAnswer> {
  const hasBody = body !== undefined || options.rawBody !== undefined;
  const response = await fetch(`${backendUrl}/scim/v2${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.token ?? scimToken}`,
      accept: 'application/scim+json',
      ...(hasBody ? { 'content-type': options.contentType ?? 'application/scim+json; charset=utf-8' } : {}),
    },
    ...(hasBody ? { body: options.rawBody ?? JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
  };
}

/** The user Okta creates: userName is the login (an email), externalId the link value, a work email, name parts. */
export function oktaUser(login: string, externalId: string, given = 'Test', family = 'User'): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: login,
    externalId,
    name: { givenName: given, familyName: family },
    emails: [{ primary: true, value: login, type: 'work' }],
    displayName: `${given} ${family}`,
    locale: 'en-US',
    active: true,
    groups: [],
  };
}

/** What `active` looks like after a deactivation, in Okta's PATCH. */
export const oktaDeactivate = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'replace', value: { active: false } }],
};

/** Entra ID's PATCH: capitalised op, a path, and the boolean as a string. */
export function entraSetActive(active: boolean): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Replace', path: 'active', value: active ? 'True' : 'False' }],
  };
}
