/**
 * macOS managed preferences: what a configuration profile (Jamf, Intune for Mac, any MDM)
 * installs for the app's domain lands in /Library/Managed Preferences as a property list,
 * usually binary; `plist` reads both forms.
 */
import { parse, parseBinary } from 'plist';
import { ConfigLoadError } from './config-load-error.ts';
import type { PolicySource } from './policy-source.ts';
import { readSourceFile } from './read-source-file.ts';

const binaryMagic = Buffer.from('bplist00', 'latin1');

export function parsePropertyList(bytes: Buffer): unknown {
  if (bytes.subarray(0, binaryMagic.length).equals(binaryMagic)) return parseBinary(bytes);
  return parse(bytes.toString('utf8'));
}

export function managedPreferencesSource(file: string): PolicySource {
  return {
    name: file,
    async read() {
      const bytes = await readSourceFile(file);
      if (bytes === undefined) return undefined;
      try {
        return parsePropertyList(bytes);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new ConfigLoadError(
          {
            file,
            field: null,
            message: `the file is not a valid property list (${detail})`,
            problem: { kind: 'notPropertyList', params: { detail } },
          },
          { cause: error },
        );
      }
    },
  };
}
