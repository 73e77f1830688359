import { render, screen } from '@testing-library/react';
import { PreviewBody } from '../../../renderer/src/preview/preview-body.tsx';
import { invoke } from '../../../renderer/src/ipc/bridge.ts';
import { uploadNewVersion } from '../../integration/box-service/support/new-version.ts';
import { startPreviewWorld, type PreviewWorld } from './preview-world.ts';

describe('an earlier version in the viewer', () => {
  let world: PreviewWorld;
  beforeAll(async () => {
    world = await startPreviewWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  it('shows that version’s own bytes; the byte handler takes only a decimal version id', async () => {
    const file = await world.emulator.controls.createFile({
      ownerId: world.userId,
      name: 'notes.txt',
      text: 'first words',
    });
    const { access_token } = await world.emulator.controls.issueToken({ userId: world.userId });
    await uploadNewVersion(world.emulator.origin, access_token, file.id, 'second words');
    const versions = await fetch(`${world.emulator.origin}/2.0/files/${file.id}/versions`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    const [old] = ((await versions.json()) as { entries: { id: string }[] }).entries;

    render(<PreviewBody fileId={file.id} versionId={old!.id} />);
    expect(await screen.findByText('first words')).toBeInTheDocument();
    expect(screen.queryByText('second words')).not.toBeInTheDocument();

    const descriptor = await invoke('preview:open', { fileId: file.id, versionId: old!.id });
    if (descriptor.status !== 'ready') throw new Error(`expected a ready preview, got ${descriptor.status}`);
    expect(descriptor.src).toMatch(new RegExp(`/${file.id}/content\\?version=${old!.id}$`));
    expect((await fetch(descriptor.src)).status).toBe(200);
    expect((await fetch(descriptor.src.replace(/version=\d+/, 'version=../1'))).status).toBe(404);
    expect((await fetch(descriptor.src.replace('/content?', '/pdf?'))).status).toBe(404);
    // A version id of another file: Box says not found, and so does the handler.
    expect((await fetch(descriptor.src.replace(/version=\d+/, 'version=999999'))).status).toBe(404);
  });
});
