/**
 * Writes the policy templates (ADMX/ADML, .mobileconfig, JSON example and JSON Schema) into
 * build/policy/ from the settings schema. `--check` writes nothing and fails when a file is stale.
 *
 *   node scripts/generate-policy-templates.ts [--check]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { policyTemplatesDir, renderPolicyTemplates } from './policy-templates/render-policy-templates.ts';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const stale: string[] = [];
for (const [name, content] of renderPolicyTemplates()) {
  const file = path.join(root, policyTemplatesDir, name);
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === content) continue;
  stale.push(name);
  if (check) continue;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}
if (check && stale.length > 0) {
  console.error(
    `Stale policy templates in ${policyTemplatesDir}: ${stale.join(', ')}. Run node scripts/generate-policy-templates.ts`,
  );
  process.exit(1);
}
console.log(stale.length === 0 ? 'Policy templates are up to date.' : `Wrote ${stale.join(', ')}`);
