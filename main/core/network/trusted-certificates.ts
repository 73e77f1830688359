import { readFileSync } from 'node:fs';
import { getCACertificates, rootCertificates } from 'node:tls';
import type { CertificateSources } from '../../../common/network-facts.ts';
import { appError } from '../errors/error-catalog.ts';

export interface TrustedCertificates {
  /** Every certificate, PEM, for `ca` of each TLS connection (this replaces Node's list, so the bundled roots are in it). */
  ca: string[];
  sources: CertificateSources;
}

export interface CertificatePolicy {
  caBundleFiles: readonly string[];
  caBundlePem?: string | undefined;
}

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Node's roots, the OS store and IT's bundle, read once when the network is set up. Node alone
 * trusts only its bundled roots, so on a network that inspects TLS with a company root every
 * connection failed with "unable to get local issuer certificate" (issue 17).
 */
export function loadTrustedCertificates(policy: CertificatePolicy): TrustedCertificates {
  const bundled = [...rootCertificates];
  let system: string[] = [];
  let systemSource: CertificateSources['system'];
  try {
    // OpenSSL's hashed folders hold a file and its hash link: the same certificate twice.
    system = [...new Set(getCACertificates('system'))];
    systemSource = system.length;
  } catch (error) {
    // A broken OS store must not stop the app; Node's roots and IT's bundle still apply, and diagnostics say why.
    systemSource = { error: error instanceof Error ? error.message : String(error) };
  }
  const policyFiles = policy.caBundleFiles.map((path) => ({ path, pems: readBundle(path) }));
  const pasted = policy.caBundlePem?.match(pemBlock) ?? [];
  return {
    ca: [...new Set([...bundled, ...system, ...policyFiles.flatMap((file) => file.pems), ...pasted])],
    sources: {
      bundled: bundled.length,
      system: systemSource,
      policyFiles: policyFiles.map(({ path, pems }) => ({ path, certificates: pems.length })),
      policyPem: pasted.length,
    },
  };
}

function readBundle(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw appError('config_invalid', 'ca_bundle', { file: path, text: 'it cannot be read' }, { cause: error });
  }
  const pems = text.match(pemBlock) ?? [];
  if (pems.length === 0)
    throw appError('config_invalid', 'ca_bundle', { file: path, text: 'it holds no PEM certificate' });
  return pems;
}
