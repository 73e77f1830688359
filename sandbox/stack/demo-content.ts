import type { EmulatorControlClient } from '../box-emulator/control-client.ts';
import { demoPalettes, demoPhotoPng } from './demo-images.ts';

/** Who gets demo content: the identity provider's users, linked the way the backend links them. */
export interface DemoOwner {
  sub: string;
  name: string;
}

export const largeFolderName = 'Archive (10,000 items)';
export const largeFolderItemCount = 10_000;

/**
 * Seeds each user's Box: a few folders, documents, photos with thumbnails and one folder of
 * 10,000 items. The App User is created up front with `external_app_user_id` = the SSO
 * subject, exactly as the backend would have created it, so the backend finds it at sign-in.
 */
export async function seedDemoContent(controls: EmulatorControlClient, owners: readonly DemoOwner[]): Promise<void> {
  for (const owner of owners) {
    const user = await controls.createUser({ name: owner.name, externalAppUserId: owner.sub });
    const ownerId = user.id;
    const firstName = owner.name.split(' ')[0] ?? owner.name;
    const folder = async (name: string, parentId = '0') =>
      (await controls.createFolder({ ownerId, parentId, name })).id;

    const projects = await folder('Projects');
    const photos = await folder('Photos');
    const marketing = await folder('Marketing');
    const archive = await folder(largeFolderName);
    const launch = await folder('Website launch', projects);

    await controls.createFile({
      ownerId,
      name: 'Welcome to Box SSO Desktop.txt',
      text: `Hello ${firstName}!\n\nThis is your sandbox Box account. Upload, download, rename and search as you like:\nnothing here leaves this computer.\n`,
    });
    await controls.createFile({
      ownerId,
      name: `${firstName}'s notes.txt`,
      text: `Notes that only ${owner.name} can see.\n`,
    });
    await controls.createFile({ ownerId, name: 'Quarterly report Q3.pdf', size: 2_340_000, seed: 3 });
    await controls.createFile({ ownerId, name: 'Budget 2027.xlsx', size: 186_000, seed: 4 });
    await controls.createFile({ ownerId, parentId: projects, name: 'Roadmap.docx', size: 94_000, seed: 5 });
    await controls.createFile({
      ownerId,
      parentId: launch,
      name: 'Launch checklist.md',
      text: '# Launch\n\n- [x] Copy\n- [ ] Images\n',
    });
    await controls.createFile({ ownerId, parentId: marketing, name: 'Brand guidelines.pdf', size: 5_800_000, seed: 6 });
    await controls.createFile({ ownerId, parentId: marketing, name: 'Product video.mp4', size: 48_000_000, seed: 7 });
    for (const [name, palette] of Object.entries(demoPalettes)) {
      await controls.createFile({
        ownerId,
        parentId: photos,
        name: `${name[0]!.toUpperCase()}${name.slice(1)}.png`,
        base64: demoPhotoPng(320, 200, palette).toString('base64'),
      });
    }
    await controls.seedItems({
      ownerId,
      parentId: archive,
      count: largeFolderItemCount,
      namePrefix: 'record',
      kind: 'file',
      size: 2048,
    });
  }
}
