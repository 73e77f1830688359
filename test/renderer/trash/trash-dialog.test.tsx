import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { TrashDialog } from '../../../renderer/src/trash/trash-dialog.tsx';
import { installEmulatedBridge, type EmulatedBox } from '../file-browser/real-bridge.ts';

describe('TrashDialog against the Box emulator', () => {
  let box: EmulatedBox;

  beforeAll(async () => {
    box = await installEmulatedBridge();
  });
  afterAll(async () => {
    await box.close();
  });

  it('restores an item whose name is taken under the name the user picks, and says a taken pick under the field', async () => {
    const rootItems = async () =>
      (await box.service.listFolder({ folderId: '0' })).items.map((item) => item.name).sort();
    const first = await box.emulator.controls.createFile({ ownerId: box.userId, name: 'budget.xlsx', text: 'one' });
    await box.service.delete(first.id, 'file');
    await box.emulator.controls.createFile({ ownerId: box.userId, name: 'budget.xlsx', text: 'two' });
    await box.emulator.controls.createFile({ ownerId: box.userId, name: 'budget (restored).xlsx', text: 'three' });
    const notes: string[] = [];
    const user = userEvent.setup();
    render(
      <TrashDialog
        onClose={() => undefined}
        onRestored={() => notes.push('restored')}
        notify={(message) => notes.push(message)}
        onError={(message) => notes.push(`error: ${message}`)}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Restore: budget.xlsx' }));

    const ask = await screen.findByRole('dialog', { name: 'Restore under another name' });
    expect(ask).toHaveTextContent('“All Files” already has an item named “budget.xlsx”.');
    const field = within(ask).getByRole('textbox', { name: 'Name' });
    expect(field).toHaveValue('budget (restored).xlsx');
    // That one is taken too: Box says so under the field and the item stays in the trash.
    await user.click(within(ask).getByRole('button', { name: 'Restore' }));
    expect(await within(ask).findByRole('alert')).toHaveTextContent(/already/i);
    expect((await box.service.listTrash()).items.map((item) => item.id)).toContain(first.id);

    await user.clear(field);
    await user.type(field, 'budget (old).xlsx');
    await user.click(within(ask).getByRole('button', { name: 'Restore' }));
    await expect.poll(() => notes).toEqual(['“budget (old).xlsx” is back in All Files.', 'restored']);
    expect(screen.queryByRole('dialog', { name: 'Restore under another name' })).not.toBeInTheDocument();
    expect(await rootItems()).toEqual(['budget (old).xlsx', 'budget (restored).xlsx', 'budget.xlsx']);
    expect(await screen.findByText('The trash is empty')).toBeInTheDocument();
  });
});
