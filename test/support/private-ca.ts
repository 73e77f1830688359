/**
 * A private certificate authority made by the test with openssl, and server certificates it
 * signs, plus a folder laid out as OpenSSL's default store (`openssl rehash`) so that
 * SSL_CERT_FILE/SSL_CERT_DIR can make it the "system" store a process sees.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivateCa {
  dir: string;
  caPem: string;
  caFile: string;
  /** A folder holding only this CA, rehashed: SSL_CERT_DIR for the app's process. */
  storeDir: string;
  /** A server certificate for these names (an IP address becomes an IP entry, as a proxy's often is). */
  issue(names: string[]): Promise<{ key: string; cert: string }>;
  close(): Promise<void>;
}

const openssl = (args: string[], cwd: string): void => {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
};

export async function createPrivateCa(name = 'Corp Test Root CA'): Promise<PrivateCa> {
  const dir = await mkdtemp(join(tmpdir(), 'private-ca-'));
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
    ],
    dir,
  );
  const storeDir = join(dir, 'store');
  await mkdir(storeDir);
  await copyFile(join(dir, 'ca.pem'), join(storeDir, 'corp-root.pem'));
  openssl(['rehash', storeDir], dir);
  let serial = 0;
  return {
    dir,
    caPem: await readFile(join(dir, 'ca.pem'), 'utf8'),
    caFile: join(dir, 'ca.pem'),
    storeDir,
    async issue(names) {
      serial += 1;
      const base = `server-${serial}`;
      await writeFile(
        join(dir, `${base}.ext`),
        `subjectAltName=${names.map((n) => `${isIP(n) ? 'IP' : 'DNS'}:${n}`).join(',')}\nextendedKeyUsage=serverAuth\n`,
      );
      openssl(
        [
          'req',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-subj',
          `/CN=${names[0]}`,
          '-keyout',
          `${base}.key`,
          '-out',
          `${base}.csr`,
        ],
        dir,
      );
      openssl(
        [
          'x509',
          '-req',
          '-in',
          `${base}.csr`,
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-set_serial',
          String(1000 + serial),
          '-days',
          '2',
          '-extfile',
          `${base}.ext`,
          '-out',
          `${base}.pem`,
        ],
        dir,
      );
      return {
        key: await readFile(join(dir, `${base}.key`), 'utf8'),
        cert: await readFile(join(dir, `${base}.pem`), 'utf8'),
      };
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Makes `ca` the whole "operating system's store" of this test process (OpenSSL's variables,
 * read by `tls.getCACertificates('system')`): set before the network layer first reads it.
 */
export function useAsSystemStore(ca: PrivateCa): void {
  process.env.SSL_CERT_FILE = '/dev/null';
  process.env.SSL_CERT_DIR = ca.storeDir;
}
