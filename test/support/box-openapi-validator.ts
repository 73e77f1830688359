import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * Validates Box API response bodies against Box's own OpenAPI description
 * (`../shared/box-openapi/openapi.json`, or `BOX_OPENAPI_PATH`) with ajv.
 *
 * One documented widening: the spec's `ClientError.code` enum is narrower than the codes the
 * spec itself documents in its response descriptions (e.g. `item_name_in_use`,
 * `file_size_too_small`) and than the codes Box's "Common errors" guide lists
 * (developer.box.com/guides/api-calls/permissions-and-errors/common-errors), so those documented
 * codes are added to the enum. A second: a representation's `status.state` may also be `error`, the
 * state Box's representations guide and its preview SDK use for a rendition that failed. A third:
 * the shared link schema requires `accessed`, a typo for its `access` property (Box sends `access`).
 * Nothing else is relaxed.
 */

type Json = Record<string, unknown>;

const SPEC_PATH =
  process.env.BOX_OPENAPI_PATH ?? new URL('../../../shared/box-openapi/openapi.json', import.meta.url).pathname;
const SPEC_ID = 'openapi.json';

// ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function walk(node: unknown, visit: (value: Json) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Json);
    Object.values(node).forEach((child) => walk(child, visit));
  }
}

/** Error codes listed as "* `code`: ..." in the spec's own response descriptions. */
function documentedErrorCodes(spec: Json): string[] {
  const codes = new Set<string>();
  walk(spec.paths, (node) => {
    if (typeof node.description !== 'string') return;
    for (const match of node.description.matchAll(/^\s*\*\s+`([a-z_]+)`/gm)) if (match[1]) codes.add(match[1]);
  });
  return [...codes];
}

/**
 * Reads the spec as JSON Schema: drops `example`/`examples` (documentation only; some hold `$id`
 * keys that ajv would take for schema ids) and turns OpenAPI 3.0's `nullable: true` on a schema
 * without `type` (an `allOf`/`$ref`) into `anyOf [schema, null]`, which is what it means.
 */
function asJsonSchema(key: string, value: unknown): unknown {
  if (key === 'example' || key === 'examples') return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const node = value as Json;
  if (typeof node.nullable !== 'boolean' || 'type' in node) return value;
  const { nullable, ...rest } = node;
  return nullable ? { anyOf: [rest, { type: 'null' }] } : rest;
}

function isRepresentationStateEnum(node: Json): boolean {
  return (
    Array.isArray(node.enum) &&
    ['success', 'viewable', 'pending', 'none'].every((s) => (node.enum as string[]).includes(s))
  );
}

function loadSpec(): Json {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'), asJsonSchema) as Json;
  walk(spec.components, (node) => {
    if (isRepresentationStateEnum(node)) node.enum = [...(node.enum as string[]), 'error'];
    const properties = node.properties as Json | undefined;
    if (Array.isArray(node.required) && properties && 'access' in properties && !('accessed' in properties)) {
      node.required = (node.required as string[]).map((name) => (name === 'accessed' ? 'access' : name));
    }
  });
  const schemas = (spec.components as Json).schemas as Record<string, Json>;
  const code = ((schemas.ClientError?.properties as Json).code ?? {}) as { enum?: string[] };
  code.enum = [...new Set([...(code.enum ?? []), ...documentedErrorCodes(spec), ...GUIDE_ERROR_CODES])];
  return spec;
}

/** Codes from Box's "Common errors" guide that the emulator answers and the spec does not list. */
const GUIDE_ERROR_CODES = [
  'user_already_collaborator',
  'collaborations_not_available_on_root_folder',
  'access_denied_item_locked',
  'file_size_limit_exceeded',
  'incorrect_shared_item_password',
  'not_trashed',
  'trashed',
];

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export interface ValidationFailure {
  method: string;
  path: string;
  status: number;
  errors: string;
}

/** Checks Box API response bodies against the response schema of the matching operation. */
export class BoxOpenApiValidator {
  private readonly spec = loadSpec();
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    const formats = new Set<string>();
    walk(this.spec.components, (node) => {
      if (typeof node.format === 'string') formats.add(node.format);
    });
    // Formats the spec uses only as documentation (`int64`, `token`, `digest`, ...) accept any value.
    for (const format of formats) if (!(format in this.ajv.formats)) this.ajv.addFormat(format, true);
    this.ajv.addSchema(this.spec, SPEC_ID);
  }

  /**
   * Operations Box serves that its OpenAPI description leaves out, validated as the documented
   * operation they mirror: the preflight for a new version answers as the one for a new file
   * (Box guide "Upload preflight").
   */
  private static readonly MIRRORED: Record<string, string> = {
    'OPTIONS /files/{file_id}/content': '/files/content',
  };

  /** Box's spec paths are relative to `/2.0` (uploads to `/api/2.0`); the token endpoint to the host. */
  static specPath(template: string): string {
    return template.replace(/^\/api\/2\.0(?=\/)/, '').replace(/^\/2\.0(?=\/)/, '');
  }

  /** The JSON-pointer of an operation's response schema, or `undefined` when it documents no JSON body. */
  schemaPointer(method: string, specPath: string, status: number): string | undefined {
    const operation = ((this.spec.paths as Json)[specPath] as Json | undefined)?.[method.toLowerCase()] as
      Json | undefined;
    if (!operation) throw new Error(`Box's OpenAPI has no operation ${method} ${specPath}`);
    const responses = operation.responses as Json;
    const key = String(status) in responses ? String(status) : 'default';
    const content = (responses[key] as Json | undefined)?.content as Json | undefined;
    if (!content?.['application/json']) return undefined;
    return ['paths', specPath, method.toLowerCase(), 'responses', key, 'content', 'application/json', 'schema']
      .map(escapePointer)
      .join('/');
  }

  /**
   * Validates a body against one schema of the spec by JSON pointer (for answers at URLs the spec
   * only names inside other objects, such as a representation's `info.url`).
   */
  validateSchema(pointer: string, body: unknown): string[] {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#/${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${pointer}: ${e.instancePath || '/'} ${e.message ?? ''}`);
  }

  /** Returns the validation errors of one response body (empty when it conforms). */
  validate(method: string, routeTemplate: string, status: number, body: unknown): string[] {
    const ownPath = BoxOpenApiValidator.specPath(routeTemplate);
    let specPath = BoxOpenApiValidator.MIRRORED[`${method} ${ownPath}`] ?? ownPath;
    // One URL, two operations in the spec: a shared folder is described under `/shared_items#folders`.
    if (specPath === '/shared_items' && (body as Json | undefined)?.type === 'folder')
      specPath = '/shared_items#folders';
    const pointer = this.schemaPointer(method, specPath, status);
    if (pointer === undefined) {
      return body === undefined ? [] : [`${method} ${specPath} ${status}: the spec documents no JSON body`];
    }
    return this.validateSchema(pointer, body).map((error) => `${method} ${specPath} ${status}: ${error}`);
  }
}
