/**
 * The IT guide is what admins copy from, so its examples must stay true: every JSON example
 * is a valid policy file, and the paths and variable names it lists are the ones the app uses.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopPolicySchema, settingKeys } from '../../../common/desktop-config-schema.ts';
import { policyFilePath } from '../../../main/core/config/config-files.ts';
import { environmentVariables } from '../../../main/core/config/environment-settings.ts';
import { managedPreferencesDomain, registryPolicyKey } from '../../../main/core/config/policy-locations.ts';
import { renderPolicyTemplates } from '../../../scripts/policy-templates/render-policy-templates.ts';

const guide = await readFile(path.resolve(import.meta.dirname, '../../../docs/it-admin.md'), 'utf8');

/** Fenced blocks of the given language, and JSON embedded in shell/PowerShell heredocs. */
function jsonExamples(): string[] {
  const fenced = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const embedded = [...guide.matchAll(/(?:<<'JSON'\n|@'\n)(\{[\s\S]*?\n\})\n/g)].map((match) => match[1] ?? '');
  return [...fenced, ...embedded];
}

describe('docs/it-admin.md', () => {
  it('has only valid policy files as JSON examples', () => {
    const examples = jsonExamples();
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      // Placeholders such as <tenant-id> stand for values the admin fills in.
      const filled = example.replace(/<[^>]+>/g, 'placeholder');
      const result = desktopPolicySchema.safeParse(JSON.parse(filled));
      expect(result.error?.issues ?? [], example).toEqual([]);
    }
  });

  it('lists the policy file paths the app reads', () => {
    expect(guide).toContain(`\`${policyFilePath('darwin', {})}\``);
    expect(guide).toContain(`\`${policyFilePath('linux', {})}\``);
    expect(guide).toContain(`\`${policyFilePath('win32', { ProgramData: '%ProgramData%' })}\``);
  });

  it('names the registry key, the managed-preferences domain and every generated template', () => {
    expect(guide).toContain(`HKLM\\${registryPolicyKey.replace(/^SOFTWARE/, 'Software')}`);
    expect(guide).toContain(`/Library/Managed Preferences/${managedPreferencesDomain}.plist`);
    for (const name of renderPolicyTemplates().keys()) expect(guide).toContain(`\`${name}\``);
  });

  it('documents every setting and every development environment variable', () => {
    for (const key of [...settingKeys, 'userOverridable']) expect(guide).toContain(`| \`${key}\``);
    for (const variable of Object.values(environmentVariables)) expect(guide).toContain(`\`${variable}\``);
  });
});
