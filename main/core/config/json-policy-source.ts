import type { PolicySource } from './policy-source.ts';
import { readJsonFile } from './read-settings-file.ts';

/** The machine-wide policy file: the source on Linux, and a fallback under the native sources elsewhere. */
export function jsonPolicySource(file: string): PolicySource {
  return { name: file, read: () => readJsonFile(file) };
}
