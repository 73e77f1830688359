/**
 * docs/architecture.md is where a newcomer learns what each folder is for, so its folder table
 * must name exactly the repository's top-level folders: one added without a row, or a row left
 * behind by a folder that was removed or renamed, fails here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const document = await readFile(path.join(root, 'docs/architecture.md'), 'utf8');

/** The first cells of the first table under "## Folders", e.g. `main/` → "main". */
function foldersInTable(): string[] {
  const section = /^## Folders\n([\s\S]*?)(?=^## )/m.exec(document)?.[1];
  if (section === undefined) throw new Error('docs/architecture.md has no "## Folders" section');
  const table = /^\|.*\|\n\|[\s|:-]+\|\n((?:\|.*\|\n)+)/m.exec(section)?.[1] ?? '';
  return table
    .trimEnd()
    .split('\n')
    .map((row) => row.split('|')[1]?.trim() ?? '')
    .map((cell) => /^`([^`/]+)\/`$/.exec(cell)?.[1] ?? `not a folder cell: ${cell}`);
}

/**
 * The repository's top-level folders: those holding a file git tracks or would track (ignored
 * build output such as out/ and node_modules/ is not part of the repository).
 */
function repositoryFolders(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).split('\0');
  const folders = new Set(files.filter((file) => file.includes('/')).map((file) => file.slice(0, file.indexOf('/'))));
  // A folder whose files were deleted from the work tree but not yet from the index is gone.
  return [...folders].filter((folder) => existsSync(path.join(root, folder)));
}

describe('docs/architecture.md folder table', () => {
  const documented = foldersInTable();
  const actual = repositoryFolders();

  it('lists every top-level folder of the repository', () => {
    expect(actual.length).toBeGreaterThan(5);
    expect(actual.filter((folder) => !documented.includes(folder))).toEqual([]);
  });

  it('names no folder that does not exist', () => {
    expect(documented.length).toBeGreaterThan(5);
    expect(documented.filter((folder) => !actual.includes(folder))).toEqual([]);
  });
});
