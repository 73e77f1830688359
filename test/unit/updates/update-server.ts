/**
 * A local update host as IT would run it: a folder served over HTTP holding the feeds
 * (latest-linux.yml, beta-linux.yml, the files electron-builder writes) and the packages,
 * with every request recorded so a test can count what reached it.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { closeServer, listen } from '../../support/http-server.ts';

export interface Release {
  version: string;
  bytes: Buffer;
  /** The sha512 the feed announces; the real one unless a test plays a tampered file. */
  announcedSha512?: string;
  stagingPercentage?: number;
}

export interface UpdateServer {
  url: string;
  requests: string[];
  publish(channel: 'latest' | 'beta', release: Release): void;
  close(): Promise<void>;
}

export function sha512Base64(bytes: Buffer): string {
  return createHash('sha512').update(bytes).digest('base64');
}

export async function startUpdateServer(): Promise<UpdateServer> {
  const files = new Map<string, { type: string; body: Buffer }>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://update.test').pathname;
    requests.push(path);
    const file = files.get(path);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length }).end(file.body);
  });
  const url = await listen(server);
  return {
    url,
    requests,
    publish(channel, release) {
      const name = `box-sso-desktop_${release.version}_amd64.deb`;
      const sha512 = release.announcedSha512 ?? sha512Base64(release.bytes);
      // The shape electron-builder writes (builder-util-runtime's UpdateInfo).
      const feed = [
        `version: ${release.version}`,
        'files:',
        `  - url: ${name}`,
        `    sha512: ${sha512}`,
        `    size: ${release.bytes.length}`,
        `path: ${name}`,
        `sha512: ${sha512}`,
        "releaseDate: '2026-11-30T12:00:00.000Z'",
        ...(release.stagingPercentage !== undefined ? [`stagingPercentage: ${release.stagingPercentage}`] : []),
        '',
      ].join('\n');
      files.set(`/${channel}-linux.yml`, { type: 'text/yaml', body: Buffer.from(feed) });
      files.set(`/${name}`, { type: 'application/vnd.debian.binary-package', body: release.bytes });
    },
    close: () => closeServer(server),
  };
}
