import { generateKeyPairSync, randomBytes, randomInt, type KeyObject, createPublicKey } from 'node:crypto';
import { writeFile } from 'node:fs/promises';

/** The JSON file the Box developer console downloads for a JWT app ("Generate a Public/Private Keypair"). */
export interface BoxAppConfig {
  boxAppSettings: {
    clientID: string;
    clientSecret: string;
    appAuth: { publicKeyID: string; privateKey: string; passphrase: string };
  };
  enterpriseID: string;
}

/** The emulator's side of a minted app: the config handed out plus the public key it verifies assertions with. */
export interface MintedApp {
  config: BoxAppConfig;
  publicKeys: Map<string, KeyObject>;
}

function randomToken(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Mints a JWT app the way the Box console does: an RSA key pair whose private half is an
 * encrypted PKCS#8 PEM protected by a passphrase, so the backend decrypts it exactly as in production.
 */
export function mintJwtApp(): MintedApp {
  const passphrase = randomBytes(16).toString('hex');
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },
  });
  const publicKeyID = randomToken(8);
  const config: BoxAppConfig = {
    boxAppSettings: {
      clientID: randomToken(32),
      clientSecret: randomToken(32),
      appAuth: { publicKeyID, privateKey, passphrase },
    },
    enterpriseID: String(randomInt(100_000, 999_999_999)),
  };
  return { config, publicKeys: new Map([[publicKeyID, createPublicKey(publicKey)]]) };
}

/** Writes the config JSON with owner-only permissions, since it carries the private key. */
export async function writeAppConfig(path: string, config: BoxAppConfig): Promise<void> {
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}
