import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConfigErrorScreen } from '../../../renderer/src/components/config-error-screen.tsx';

describe('the configuration error screen', () => {
  it('names the file, the setting and the problem', () => {
    render(
      <ConfigErrorScreen
        error={{
          file: '/etc/box-sso-desktop/policy.json',
          field: 'issuer',
          message: '"issuer": may use http: only on a loopback host (127.0.0.1, ::1, localhost); use https:',
        }}
      />,
    );
    const alert = screen.getByRole('alert', { name: 'Configuration error' });
    expect(within(alert).getByText('/etc/box-sso-desktop/policy.json')).toBeInTheDocument();
    expect(within(alert).getByText('issuer')).toBeInTheDocument();
    expect(within(alert).getByText(/may use http: only on a loopback host/)).toBeInTheDocument();
  });

  it('says that no file is at fault when a required setting is set nowhere', () => {
    render(
      <ConfigErrorScreen
        error={{ file: null, field: 'clientId', message: '"clientId" is not configured: set it in one of …' }}
      />,
    );
    expect(screen.getByText(/a required setting is not set anywhere/)).toBeInTheDocument();
    expect(screen.getByText('clientId')).toBeInTheDocument();
  });

  it('leaves the setting out when the whole file is at fault', () => {
    render(
      <ConfigErrorScreen
        error={{ file: '/etc/box-sso-desktop/policy.json', field: null, message: 'the file is not valid JSON' }}
      />,
    );
    expect(screen.getByText('the file is not valid JSON')).toBeInTheDocument();
    expect(screen.queryByText('Setting')).not.toBeInTheDocument();
  });

  it('offers no way around the error', () => {
    render(
      <ConfigErrorScreen
        error={{
          file: 'C:\\ProgramData\\Box SSO Desktop\\policy.json',
          field: 'clientId',
          message: 'must not be empty',
        }}
      />,
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
