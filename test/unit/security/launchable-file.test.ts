import { createSafeOpenFile, isLaunchableFile } from '../../../main/core/security/launchable-file.ts';

describe('opening a downloaded file', () => {
  it('knows programs, scripts, shortcuts, disk images and macro documents on each OS, whatever the case', () => {
    for (const name of [
      'setup.EXE',
      'run.ps1',
      'x.appref-ms',
      'help.chm',
      'disk.iso',
      'App.dmg',
      'tool.AppImage',
      'go.desktop',
      'fix.diagcab',
      'budget.XLSM',
      'open.jnlp',
      'site.inetloc',
    ])
      expect(isLaunchableFile(`/downloads/${name}`)).toBe(true);
    for (const name of ['report.pdf', 'photo.JPG', 'notes.txt', 'sheet.xlsx', 'no-extension', 'archive.zip'])
      expect(isLaunchableFile(`/downloads/${name}`)).toBe(false);
  });

  it('opens documents, and only shows programs in their folder', async () => {
    const opened: string[] = [];
    const revealed: string[] = [];
    const open = createSafeOpenFile(
      (path) => Promise.resolve(void opened.push(path)),
      (path) => void revealed.push(path),
    );
    await open('/downloads/report.pdf');
    await open('/downloads/invoice.pdf.exe');
    expect(opened).toEqual(['/downloads/report.pdf']);
    expect(revealed).toEqual(['/downloads/invoice.pdf.exe']);
  });

  it('leaves a program alone when there is no way to show it', async () => {
    const opened: string[] = [];
    await createSafeOpenFile((path) => Promise.resolve(void opened.push(path)))('/downloads/run.sh');
    expect(opened).toEqual([]);
  });
});
