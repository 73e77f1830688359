import { BoxOpenApiValidator } from '../../support/box-openapi-validator.ts';
import { startConformanceHarness } from '../../support/box-emulator-harness.ts';

/** The conformance checks are only worth something if a wrong body fails them. */
describe('Box OpenAPI response validator', () => {
  const validator = new BoxOpenApiValidator();

  it('accepts a conforming body and rejects wrong types, enums and formats', () => {
    expect(validator.validate('GET', '/2.0/users/me', 200, { type: 'user', id: '1', login: 'a@example.com' })).toEqual(
      [],
    );
    const errors = validator.validate('GET', '/2.0/users/me', 200, { type: 'usr', id: 1, login: 'not-an-email' });
    expect(errors).toHaveLength(3);
  });

  it('follows $refs and nullable allOf members', () => {
    const folder = { type: 'folder', id: '0', etag: null, sequence_id: null, name: 'All Files', parent: null };
    expect(validator.validate('GET', '/2.0/folders/{folder_id}', 200, folder)).toEqual([]);
    expect(validator.validate('GET', '/2.0/folders/{folder_id}', 200, { ...folder, parent: 'x' })).not.toEqual([]);
  });

  it('uses ClientError for errors and OAuth2Error on the token endpoint', () => {
    const error = { type: 'error', status: 409, code: 'item_name_in_use', message: 'm', request_id: 'r' };
    expect(validator.validate('POST', '/api/2.0/files/content', 409, error)).toEqual([]);
    expect(validator.validate('POST', '/api/2.0/files/content', 409, { ...error, code: 'made_up' })).not.toEqual([]);
    expect(
      validator.validate('POST', '/oauth2/token', 400, { error: 'invalid_grant', error_description: 'x' }),
    ).toEqual([]);
    expect(validator.validate('POST', '/oauth2/token', 400, { error: 5 })).not.toEqual([]);
  });

  it('validates the bodies the emulator logged (token response and user)', async () => {
    const h = await startConformanceHarness();
    try {
      await h.admin.users.getUserMe();
      const good = await h.checkConformance();
      expect(good).toEqual({ checked: 2, failures: [] });
    } finally {
      await h.close();
    }
  });
});
