import { markedName } from '../../../common/item-names.ts';

test('a file’s marker goes before its extension, so the file still opens with its app', () => {
  expect(markedName('budget.xlsx', 'restored', 'file')).toBe('budget (restored).xlsx');
  expect(markedName('archive.tar.gz', 'restored')).toBe('archive.tar (restored).gz');
});

test('a folder’s marker, and that of a name without an extension or whose only dot leads, goes at the end', () => {
  expect(markedName('Release v1.2', 'wiederhergestellt', 'folder')).toBe('Release v1.2 (wiederhergestellt)');
  expect(markedName('README', 'restored')).toBe('README (restored)');
  expect(markedName('.env', 'restored')).toBe('.env (restored)');
});
