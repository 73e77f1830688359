import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { codeCacheFolderName } from '../../../main/core/startup/code-cache.ts';

const run = promisify(execFile);
const codeCache = resolve('main/core/startup/code-cache.ts');

/** A fresh Node process that turns the cache on in `dataDir`, then imports a module of its own, as launch.ts does. */
async function launch(dataDir: string, work: string): Promise<string> {
  const script = join(work, 'entry.mjs');
  await writeFile(join(work, 'app.mjs'), 'export const answer = [1, 2, 3].map((n) => n * 2).join(",");\n');
  await writeFile(
    script,
    [
      `import { enableCodeCache } from ${JSON.stringify(codeCache)};`,
      `const status = enableCodeCache(${JSON.stringify(dataDir)});`,
      `const { answer } = await import('./app.mjs');`,
      `console.log(JSON.stringify({ status, answer }));`,
    ].join('\n'),
  );
  const { stdout } = await run(process.execPath, [script], { env: { ...process.env, NODE_COMPILE_CACHE: '' } });
  return stdout.trim();
}

test('the first launch fills a cache folder in the data folder; the app loads the same either way', async () => {
  const work = await mkdtemp(join(tmpdir(), 'box-sso-code-cache-'));
  const dataDir = join(work, 'data');
  expect(JSON.parse(await launch(dataDir, work))).toEqual({ status: 'enabled', answer: '2,4,6' });
  const cached = await readdir(join(dataDir, codeCacheFolderName), { recursive: true });
  expect(cached.length).toBeGreaterThan(0);
  // The second launch reads it, and the module still answers the same.
  expect(JSON.parse(await launch(dataDir, work))).toEqual({ status: 'enabled', answer: '2,4,6' });
});

test('a data folder where the cache cannot be made does not stop the launch', async () => {
  const work = await mkdtemp(join(tmpdir(), 'box-sso-code-cache-'));
  const notAFolder = join(work, 'a-file');
  await writeFile(notAFolder, 'not a folder');
  expect(JSON.parse(await launch(notAFolder, work))).toEqual({ status: 'failed', answer: '2,4,6' });
});
