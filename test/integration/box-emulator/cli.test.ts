import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BoxClient, BoxJwtAuth, JwtConfig } from 'box-node-sdk';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';

const CLI = new URL('../../../sandbox/box-emulator/cli.ts', import.meta.url).pathname;

describe('box-emulator CLI', () => {
  it('prints its origin, writes the app config, serves box-node-sdk with it, and seeds demo content', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'box-emulator-cli-'));
    const configPath = join(dir, 'box-config.json');
    const child = spawn(process.execPath, [CLI, '--port', '0', '--app-config', configPath, '--demo-content'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`CLI exited with ${code}`)));
      });
      const match = /^Box API emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(firstLine);
      expect(match).not.toBeNull();
      const origin = match?.[1] ?? '';
      expect((await stat(configPath)).mode & 0o777).toBe(0o600);
      const config = await readFile(configPath, 'utf8');
      const client = new BoxClient({
        auth: new BoxJwtAuth({ config: JwtConfig.fromConfigJsonString(config) }),
        networkSession: new NetworkSession({}).withCustomBaseUrls(
          new BaseUrls({ baseUrl: origin, uploadUrl: `${origin}/api`, oauth2Url: `${origin}/api/oauth2` }),
        ),
      });
      expect((await client.users.getUserMe()).type).toBe('user');
      // --demo-content: every new user starts with sample content.
      const user = await client.users.createUser({ name: 'Demo', isPlatformAccessOnly: true });
      const auth = new BoxJwtAuth({ config: JwtConfig.fromConfigJsonString(config) }).withUserSubject(user.id);
      const asUser = new BoxClient({ auth, networkSession: client.networkSession });
      const names = (await asUser.folders.getFolderItems('0')).entries?.map((e) => e.name);
      expect(names?.sort()).toEqual([
        'Archive (10,000 items)',
        'Budget 2027.xlsx',
        "Demo's notes.txt",
        'Marketing',
        'Photos',
        'Projects',
        'Quarterly report Q3.pdf',
        'Welcome to Box SSO Desktop.txt',
      ]);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
