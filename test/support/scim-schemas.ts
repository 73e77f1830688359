/**
 * JSON Schemas for the SCIM shapes the backend answers with, written from RFC 7643 §4.1 (User),
 * §4.2 (Group), §3.1 (meta) and RFC 7644 §3.4.2 (ListResponse), §3.12 (Error, with Table 9's
 * scimType values). Tests validate every SCIM answer with them (ajv).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const urn = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
};

const meta = (resourceType: string) => ({
  type: 'object',
  required: ['resourceType'],
  properties: {
    resourceType: { const: resourceType },
    created: { type: 'string', format: 'date-time' },
    lastModified: { type: 'string', format: 'date-time' },
    location: { type: 'string', minLength: 1 },
    version: { type: 'string' },
  },
  additionalProperties: false,
});

const multiValued = {
  type: 'array',
  items: {
    type: 'object',
    required: ['value'],
    properties: {
      value: { type: 'string', minLength: 1 },
      display: { type: 'string' },
      type: { type: 'string' },
      primary: { type: 'boolean' },
      $ref: { type: 'string' },
    },
    additionalProperties: false,
  },
};

const user = {
  $id: 'User',
  type: 'object',
  required: ['schemas', 'id', 'userName', 'meta'],
  properties: {
    schemas: { type: 'array', contains: { const: urn.user }, items: { type: 'string' } },
    id: { type: 'string', minLength: 1, not: { const: 'bulkId' } },
    externalId: { type: 'string' },
    userName: { type: 'string', minLength: 1 },
    name: {
      type: 'object',
      properties: Object.fromEntries(
        ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'].map((key) => [
          key,
          { type: 'string' },
        ]),
      ),
      additionalProperties: false,
    },
    displayName: { type: 'string' },
    emails: multiValued,
    active: { type: 'boolean' },
    groups: multiValued,
    meta: meta('User'),
  },
  // The password is never returned (RFC 7643 §4.1.1: returned "never").
  not: { required: ['password'] },
};

const group = {
  $id: 'Group',
  type: 'object',
  required: ['schemas', 'id', 'displayName', 'meta'],
  properties: {
    schemas: { type: 'array', contains: { const: urn.group }, items: { type: 'string' } },
    id: { type: 'string', minLength: 1 },
    externalId: { type: 'string' },
    displayName: { type: 'string', minLength: 1 },
    members: multiValued,
    meta: meta('Group'),
  },
};

const listResponse = {
  $id: 'ListResponse',
  type: 'object',
  required: ['schemas', 'totalResults', 'Resources', 'startIndex', 'itemsPerPage'],
  properties: {
    schemas: { type: 'array', const: [urn.list] },
    totalResults: { type: 'integer', minimum: 0 },
    startIndex: { type: 'integer', minimum: 1 },
    itemsPerPage: { type: 'integer', minimum: 0 },
    Resources: { type: 'array', items: { type: 'object' } },
  },
  additionalProperties: false,
};

const error = {
  $id: 'Error',
  type: 'object',
  required: ['schemas', 'status'],
  properties: {
    schemas: { type: 'array', const: [urn.error] },
    status: { type: 'string', pattern: '^[1-5][0-9][0-9]$' },
    scimType: {
      enum: [
        'invalidFilter',
        'tooMany',
        'uniqueness',
        'mutability',
        'invalidSyntax',
        'invalidPath',
        'noTarget',
        'invalidValue',
        'invalidVers',
        'sensitive',
      ],
    },
    detail: { type: 'string' },
  },
  additionalProperties: false,
};

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validators: Record<'User' | 'Group' | 'ListResponse' | 'Error', ValidateFunction> = {
  User: ajv.compile(user),
  Group: ajv.compile(group),
  ListResponse: ajv.compile(listResponse),
  Error: ajv.compile(error),
};

/** Throws with ajv's findings unless `body` is a valid SCIM `kind`; a ListResponse's Resources are checked as `of`. */
export function assertScim(kind: keyof typeof validators, body: unknown, of?: 'User' | 'Group'): void {
  const validate = validators[kind];
  if (!validate(body))
    throw new Error(`not a SCIM ${kind}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
  if (kind === 'ListResponse' && of)
    for (const resource of (body as { Resources: unknown[] }).Resources) assertScim(of, resource);
}
