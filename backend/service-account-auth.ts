import { createPrivateKey } from 'node:crypto';
import { BoxCcgAuth, BoxJwtAuth, CcgConfig, JwtConfig } from 'box-node-sdk';
import type { TokenStorage } from 'box-node-sdk/box';
import type { BoxCredentials } from './config.ts';

export type BoxAuth = BoxJwtAuth | BoxCcgAuth;

/**
 * Decrypts the app's private key once. The SDK's default decryptor runs on every JWT
 * assertion, and `withUserSubject` drops a custom one, which made each user token
 * re-derive the key: a CPU cost per login for no gain.
 */
class DecryptOnce {
  private pem: string | undefined;
  decryptPrivateKey(encryptedPrivateKey: string, passphrase: string): string {
    this.pem ??= createPrivateKey({ key: encryptedPrivateKey, format: 'pem', type: 'pkcs8', passphrase })
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
    return this.pem;
  }
}

/** Builds the service-account auth and a factory of user-subject auths sharing its key. */
export function createServiceAccountAuth(credentials: BoxCredentials, serviceStorage: TokenStorage) {
  if (credentials.kind === 'ccg') {
    const service = new BoxCcgAuth({
      config: new CcgConfig({
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        enterpriseId: credentials.enterpriseId,
        tokenStorage: serviceStorage,
      }),
    });
    return {
      service,
      asUser: (userId: string, storage: TokenStorage): BoxAuth => service.withUserSubject(userId, storage),
    };
  }
  const decryptor = new DecryptOnce();
  const base = JwtConfig.fromConfigJsonString(credentials.configJson, serviceStorage, decryptor);
  const service = new BoxJwtAuth({ config: base });
  const asUser = (userId: string, storage: TokenStorage): BoxAuth =>
    new BoxJwtAuth({
      config: new JwtConfig({
        clientId: base.clientId,
        clientSecret: base.clientSecret,
        userId,
        jwtKeyId: base.jwtKeyId,
        privateKey: base.privateKey,
        privateKeyPassphrase: base.privateKeyPassphrase,
        tokenStorage: storage,
        privateKeyDecryptor: decryptor,
      }),
    });
  return { service, asUser };
}
