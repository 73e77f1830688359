/** The journal's crash-safe writes and the conflict copy's name. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conflictCopyName } from '../../../main/core/editing/conflict-copy-name.ts';
import { EditJournal, type JournalEntry } from '../../../main/core/editing/edit-journal.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'edit-journal-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const entry = (fileId: string): JournalEntry => ({
  fileId,
  name: 'Budget 2027.xlsx',
  parentId: '0',
  localPath: `${fileId}/Budget 2027.xlsx`,
  basedOnEtag: '3',
  boxSha1: 'a'.repeat(40),
  readOnly: false,
  locked: true,
});

test('writes replace the journal whole and leave no temporary file; many at once end with the last', async () => {
  const journal = new EditJournal(folder);
  expect(await journal.load()).toEqual([]);
  await Promise.all(Array.from({ length: 20 }, (_, n) => journal.write([entry(String(n + 1))])));
  expect(await journal.load()).toEqual([entry('20')]);
  expect(await readdir(folder)).toEqual(['journal.json']);
});

test('a damaged journal is an error, never silently an empty list', async () => {
  await writeFile(join(folder, 'journal.json'), '{"version":1,"edits":[{"fileId":');
  await expect(new EditJournal(folder).load()).rejects.toThrow(SyntaxError);
  await writeFile(join(folder, 'journal.json'), JSON.stringify({ version: 1, edits: [{ fileId: '1' }] }));
  await expect(new EditJournal(folder).load()).rejects.toThrow(/name|parentId/);
  // The damaged file is left for the help desk, not overwritten by the failed load.
  expect(await readFile(join(folder, 'journal.json'), 'utf8')).toContain('"fileId":"1"');
});

test('the conflict copy is named as Box Drive names it, in local time, safe for Box', () => {
  const at = new Date(2026, 11, 1, 10, 42);
  expect(conflictCopyName('Budget 2027.xlsx', 'Alice Example', at)).toBe(
    'Budget 2027 (conflict copy from Alice Example, 2026-12-01 10:42).xlsx',
  );
  expect(conflictCopyName('README', 'A/B', at)).toBe('README (conflict copy from A-B, 2026-12-01 10:42)');
});
