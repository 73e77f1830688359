import {
  callbackPageHeaders,
  errorPage,
  rejectedRequestPage,
  successPage,
} from '../../../main/core/auth/callback-pages.ts';

describe('loopback callback pages', () => {
  it('are never cached, never leak the URL as a Referer and run no script', () => {
    expect(callbackPageHeaders['Cache-Control']).toBe('no-store');
    expect(callbackPageHeaders['Referrer-Policy']).toBe('no-referrer');
    expect(callbackPageHeaders['Content-Security-Policy']).toContain("default-src 'none'");
    for (const html of [successPage(), errorPage('x'), rejectedRequestPage()]) expect(html).not.toContain('<script');
  });

  it('say what happened and what to do', () => {
    expect(successPage()).toContain("You're signed in.");
    expect(successPage()).toContain('Return to Box SSO Desktop');
    expect(errorPage('Sign-in took too long.')).toContain(
      'Sign-in took too long. You can close this tab and return to Box SSO Desktop.',
    );
  });

  it('escape the message', () => {
    expect(errorPage('<img src=x>')).toContain('&lt;img src=x&gt;');
  });
});
