import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { AppError } from '../../../common/app-error.ts';
import { NameDialog } from '../../../renderer/src/file-browser/name-dialog.tsx';

function renderDialog(onSubmit: (name: string) => Promise<void> = () => Promise.resolve(), onCancel = () => undefined) {
  render(
    <NameDialog title="New folder" confirmLabel="Create" initialName="" onSubmit={onSubmit} onCancel={onCancel} />,
  );
  return {
    input: screen.getByRole('textbox', { name: 'Name' }),
    create: screen.getByRole('button', { name: 'Create' }),
  };
}

describe('NameDialog', () => {
  it.each([
    ['a/b', 'A name cannot contain / or \\.'],
    ['a\\b', 'A name cannot contain / or \\.'],
    [' lead', 'A name cannot start or end with a space.'],
    ['trail ', 'A name cannot start or end with a space.'],
    ['   ', 'A name cannot be only spaces.'],
    ['x'.repeat(256), 'A name can have at most 255 characters.'],
    ['..', 'A name cannot be "." or "..".'],
  ])('refuses %j the way Box would, before sending it', async (name, message) => {
    const user = userEvent.setup();
    const submitted: string[] = [];
    const { input, create } = renderDialog((value) => {
      submitted.push(value);
      return Promise.resolve();
    });
    await user.click(input);
    await user.paste(name);
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(message);
    expect(create).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(submitted).toEqual([]);
  });

  it('accepts 255 characters and names with dots, dashes and unicode', async () => {
    const user = userEvent.setup();
    const submitted: string[] = [];
    const { input } = renderDialog((value) => {
      submitted.push(value);
      return Promise.resolve();
    });
    await user.click(input);
    await user.paste('y'.repeat(255));
    await user.keyboard('{Enter}');
    await user.clear(input);
    await user.type(input, 'Plan – 2027 (draft).v2{Enter}');
    expect(submitted).toEqual(['y'.repeat(255), 'Plan – 2027 (draft).v2']);
  });

  it('shows Box’s refusal under the field and clears it when the name changes', async () => {
    const user = userEvent.setup();
    const { input } = renderDialog(() =>
      Promise.reject(
        new AppError('box_item_name_in_use', 'An item named “Taken” already exists here. Choose another name.'),
      ),
    );
    await user.type(input, 'Taken{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'An item named “Taken” already exists here. Choose another name.',
    );
    await user.type(input, '2');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is a labelled modal dialog that Escape cancels', async () => {
    const user = userEvent.setup();
    let cancelled = 0;
    renderDialog(undefined, () => {
      cancelled += 1;
    });
    expect(screen.getByRole('dialog', { name: 'New folder' })).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(cancelled).toBe(1);
  });
});
