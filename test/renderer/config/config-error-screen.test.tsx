/**
 * The configuration error screen over errors the real loader finds in real files: the file, the
 * setting and the problem, in the user's language, with main's English kept for the log.
 */
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopConfigError } from '../../../common/desktop-config-schema.ts';
import { ConfigErrorScreen } from '../../../renderer/src/components/config-error-screen.tsx';
import { applyLanguage } from '../../../renderer/src/i18n/i18n.ts';
import { createConfigFixture, type ConfigFixture } from '../../unit/config/config-fixture.ts';

const valid = {
  issuer: 'https://login.example.com',
  clientId: 'company-client',
  backendUrl: 'https://box.example.com',
};

let fixture: ConfigFixture;
beforeEach(async () => {
  fixture = await createConfigFixture();
});
afterEach(async () => {
  act(() => applyLanguage('en'));
  await fixture.remove();
});

async function policyError(policy: unknown): Promise<DesktopConfigError> {
  await fixture.write('policyFile', policy);
  const state = await fixture.load();
  if (state.status !== 'error') throw new Error('expected a configuration error');
  return state.error;
}

describe('the configuration error screen', () => {
  it('names the file, the setting and the problem', async () => {
    render(<ConfigErrorScreen error={await policyError({ ...valid, issuer: 'http://login.example.com' })} />);
    const alert = screen.getByRole('alert', { name: 'Configuration error' });
    expect(within(alert).getByText(fixture.files.policyFile)).toBeInTheDocument();
    expect(within(alert).getByText('issuer')).toBeInTheDocument();
    expect(
      within(alert).getByText('The URL may use http: only on this computer (127.0.0.1, ::1, localhost); use https:.'),
    ).toBeInTheDocument();
  });

  it('in German: the same problem in German, the file and setting as IT wrote them', async () => {
    const error = await policyError({ ...valid, proxyMode: 'fixed', proxyUrl: 'http://alice:pw@proxy:3128' });
    expect(error.message).toMatch(/must not contain a user name or password/);
    act(() => applyLanguage('de'));
    render(<ConfigErrorScreen error={error} />);
    const alert = screen.getByRole('alert', { name: 'Konfigurationsfehler' });
    expect(within(alert).getByText('proxyUrl')).toBeInTheDocument();
    expect(
      within(alert).getByText(
        'Die Proxy-URL darf keinen Benutzernamen und kein Kennwort enthalten: Die App fragt danach.',
      ),
    ).toBeInTheDocument();
  });

  it('zod’s own checks by name: a wrong type, a choice, a length, counted in the user’s plural', async () => {
    const wrongType = await policyError({ ...valid, updatesEnabled: 'yes' });
    expect(wrongType.problem).toEqual({ kind: 'wrongType', params: { expected: 'boolean' } });
    const choice = await policyError({ ...valid, updateChannel: 'nightly' });
    expect(choice.problem).toEqual({ kind: 'notOneOf', params: { values: '"stable", "beta"' } });
    const tooLong = await policyError({ ...valid, loginHint: 'x'.repeat(300) });
    expect(tooLong.problem).toEqual({ kind: 'tooLong', params: { limit: 256 } });
    act(() => applyLanguage('de'));
    render(<ConfigErrorScreen error={tooLong} />);
    expect(screen.getByText('Der Wert darf höchstens 256 Zeichen lang sein.')).toBeInTheDocument();
  });

  it('says that no file is at fault when a required setting is set nowhere', async () => {
    const { clientId: _unset, ...withoutClient } = valid;
    render(<ConfigErrorScreen error={await policyError(withoutClient)} />);
    expect(screen.getByText(/a required setting is not set anywhere/)).toBeInTheDocument();
    expect(screen.getByText('clientId')).toBeInTheDocument();
    expect(
      screen.getByText(/^The setting is required and is set nowhere\. Set it in one of: .*policy\.json/),
    ).toBeInTheDocument();
  });

  it('leaves the setting out when the whole file is at fault, and shows the parser’s own words', async () => {
    render(<ConfigErrorScreen error={await policyError('{ "issuer": ')} />);
    expect(screen.getByText(/^The file is not valid JSON \(.+\)\.$/)).toBeInTheDocument();
    expect(screen.queryByText('Setting')).not.toBeInTheDocument();
  });

  it('falls back to main’s English for a problem the catalog has no words for', () => {
    render(
      <ConfigErrorScreen
        error={{
          file: 'C:\\ProgramData\\Box SSO Desktop\\policy.json',
          field: 'clientId',
          message: '"clientId": something new',
          problem: { kind: 'somethingNew' as 'invalid', params: {} },
        }}
      />,
    );
    expect(screen.getByText('"clientId": something new')).toBeInTheDocument();
  });

  it('offers no way around the error', async () => {
    render(<ConfigErrorScreen error={await policyError({ ...valid, clientId: '' })} />);
    expect(screen.getByText('The value must not be empty.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
