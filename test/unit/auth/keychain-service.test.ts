import { readFileSync } from 'node:fs';
import { keychainService, refreshTokenAccount } from '../../../main/core/keychain/secret-store.ts';

describe('keychain entry naming', () => {
  it('uses the app id of the installers as the service name', () => {
    const builderConfig = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
    const appId = /^appId:\s*(\S+)\s*$/m.exec(builderConfig)?.[1];
    expect(keychainService).toBe(appId);
  });

  it('keeps one entry per issuer and client', () => {
    expect(refreshTokenAccount('https://login.example.com', 'a')).not.toBe(
      refreshTokenAccount('https://login.example.com', 'b'),
    );
    expect(refreshTokenAccount('https://a.example.com', 'x')).not.toBe(
      refreshTokenAccount('https://b.example.com', 'x'),
    );
  });
});
