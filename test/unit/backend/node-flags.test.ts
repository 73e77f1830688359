/**
 * The backend's Node flags live in `backend/node-flags.ts`, but `npm run backend`, the README and
 * the deployment docs spell them out for people to copy: they must say the same.
 */
import { readFileSync } from 'node:fs';
import { backendNodeFlags } from '../../../backend/node-flags.ts';

const flags = backendNodeFlags.join(' ');
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

test('npm run backend starts the backend with the flags the benchmark measured', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  expect(scripts['backend']).toBe(`node ${flags} backend/main.ts`);
});

test('the README and the deployment docs give the same server command', () => {
  expect(read('README.md')).toContain(`node ${flags} out-backend/main.js`);
  expect(read('docs/backend.md')).toContain(`node ${flags} out-backend/main.js`);
});
