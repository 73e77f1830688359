import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { VersionHistoryDialog } from '../../../renderer/src/file-browser/version-history-dialog.tsx';
import { uploadNewVersion } from '../../integration/box-service/support/new-version.ts';
import { installEmulatedBridge, type EmulatedBox } from './real-bridge.ts';

describe('VersionHistoryDialog against the Box emulator', () => {
  let box: EmulatedBox;

  beforeAll(async () => {
    box = await installEmulatedBridge();
  });
  afterAll(async () => {
    await box.close();
  });

  it('lists every version with who, when and size, and makes an old one current', async () => {
    const file = await box.emulator.controls.createFile({ ownerId: box.userId, name: 'notes.txt', text: 'v1' });
    const { access_token } = await box.emulator.controls.issueToken({ userId: box.userId });
    await uploadNewVersion(box.emulator.origin, access_token, file.id, 'second version');
    const item = {
      id: file.id,
      type: 'file' as const,
      name: 'notes.txt',
      size: 14,
      modifiedAt: null,
      extension: 'txt',
    };
    const notes: string[] = [];
    let changed = 0;
    const user = userEvent.setup();
    render(
      <VersionHistoryDialog
        file={item}
        onClose={() => undefined}
        onChanged={() => (changed += 1)}
        notify={(message) => notes.push(message)}
        onError={(message) => notes.push(`error: ${message}`)}
      />,
    );
    const table = await screen.findByRole('table', { name: 'Versions' });
    const current = within(table).getByTestId('version-2');
    expect(current).toHaveTextContent('V2');
    expect(current).toHaveTextContent('Current');
    expect(current).toHaveTextContent('14 bytes');
    expect(within(current).queryByRole('button')).not.toBeInTheDocument();
    const first = within(table).getByTestId('version-1');
    expect(first).toHaveTextContent('Component Test User');
    expect(first).toHaveTextContent('2 bytes');

    await user.click(within(first).getByRole('button', { name: 'Make current: version 1' }));
    // The list is read again from Box: the promoted content is the new, third version.
    const promoted = await screen.findByTestId('version-3');
    expect(promoted).toHaveTextContent('Current');
    expect(promoted).toHaveTextContent('2 bytes');
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(notes).toEqual(['Version 1 is now the current version of “notes.txt”.']);
    expect(changed).toBe(1);
    expect((await box.service.getFileInfo(file.id)).size).toBe(2);
  });
});
