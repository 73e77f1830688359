import { bufferSource, patternSource } from './content.ts';
import { demoOfficeText, reportPdf, reportText } from './demo-documents.ts';
import { demoPalettes, demoPhotoPng } from './demo-images.ts';
import type { Emulator } from './emulator-state.ts';
import { createFile, createFolder } from './items.ts';
import type { FolderRecord, UserRecord } from './store.ts';

export const largeFolderName = 'Archive (10,000 items)';
export const largeFolderItemCount = 10_000;

/**
 * Sample content for sandbox mode. The backend creates each App User at its first sign-in,
 * exactly as in production; with `demoContent` that user then starts with folders, documents,
 * photos with real thumbnails and one folder of 10,000 items. Large files are generated
 * patterns, never stored.
 */
export function seedDemoContent(emu: Emulator, user: UserRecord): void {
  const root = emu.store.folder(user.rootFolderId);
  if (!root) return;
  const firstName = user.name.split(' ')[0] ?? user.name;
  const text = (folder: FolderRecord, name: string, body: string) =>
    createFile(emu, folder, name, bufferSource(Buffer.from(body)));

  const projects = createFolder(emu, root, 'Projects');
  const photos = createFolder(emu, root, 'Photos');
  const marketing = createFolder(emu, root, 'Marketing');
  const archive = createFolder(emu, root, largeFolderName);
  const launch = createFolder(emu, projects, 'Website launch');

  text(
    root,
    'Welcome to Box SSO Desktop.txt',
    `Hello ${firstName}!\n\nThis is your sandbox Box account. Upload, download, rename and search as you like:\nnothing here leaves this computer.\n`,
  );
  text(root, `${firstName}'s notes.txt`, `Notes that only ${user.name} can see.\n`);
  const report = createFile(emu, root, 'Quarterly report Q3.pdf', bufferSource(reportPdf('Quarterly report Q3', 24)));
  emu.representations.sources.set(report.id, { text: reportText(24) });
  const office = [
    createFile(emu, root, 'Budget 2027.xlsx', patternSource(186_000, 4)),
    createFile(emu, projects, 'Roadmap.docx', patternSource(94_000, 5)),
    createFile(emu, marketing, 'Brand guidelines.pdf', patternSource(5_800_000, 6)),
  ];
  for (const file of office) emu.representations.sources.set(file.id, { text: demoOfficeText[file.name] ?? file.name });
  text(launch, 'Launch checklist.md', '# Launch\n\n- [x] Copy\n- [ ] Images\n');
  createFile(emu, marketing, 'Product video.mp4', patternSource(48_000_000, 7));
  for (const [name, palette] of Object.entries(demoPalettes)) {
    const photo = createFile(
      emu,
      photos,
      `${name[0]!.toUpperCase()}${name.slice(1)}.png`,
      bufferSource(demoPhotoPng(320, 200, palette)),
    );
    emu.representations.sources.set(photo.id, { palette });
  }
  const recordContent = patternSource(2048, 8);
  const width = String(largeFolderItemCount).length;
  for (let i = 0; i < largeFolderItemCount; i += 1) {
    createFile(emu, archive, `record-${String(i).padStart(width, '0')}.txt`, recordContent);
  }
}
