/**
 * How we run Debian's Chromium everywhere (tests, benchmarks, start:browser): never a
 * downloaded browser, and none of its background traffic, which this machine's closed
 * network would refuse over and over.
 */
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs: string[] = [
  // Chromium refuses to run as root with its own sandbox on.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
