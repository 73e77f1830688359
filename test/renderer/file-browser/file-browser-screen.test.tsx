import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { FileBrowserScreen } from '../../../renderer/src/file-browser/file-browser-screen.tsx';
import { giveListAViewport } from './layout.ts';
import { installEmulatedBridge, type EmulatedBox } from './real-bridge.ts';

describe('FileBrowserScreen against the Box emulator', () => {
  let box: EmulatedBox;

  beforeAll(async () => {
    giveListAViewport();
    box = await installEmulatedBridge();
    const projects = await box.emulator.controls.createFolder({ ownerId: box.userId, name: 'Projects' });
    await box.emulator.controls.createFile({
      ownerId: box.userId,
      parentId: projects.id,
      name: 'budget-2027.xlsx',
      text: 'x',
    });
    await box.emulator.controls.createFile({ ownerId: box.userId, name: 'budget-old.xlsx', text: 'y' });
  });
  afterAll(async () => {
    await box.close();
  });

  it('lists the root and shows the folder in the window title', async () => {
    render(<FileBrowserScreen />);
    const grid = await screen.findByRole('grid', { name: 'Contents of All Files' });
    expect(await within(grid).findByText('Projects')).toBeInTheDocument();
    expect(within(grid).getByText('budget-old.xlsx')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('All Files – Box SSO Desktop'));
  });

  it('searches and says where each result lives; Escape goes back to the folder', async () => {
    const user = userEvent.setup();
    render(<FileBrowserScreen />);
    await screen.findByText('Projects');
    await user.type(screen.getByRole('searchbox', { name: 'Search files' }), 'budget{Enter}');
    expect(await screen.findByRole('heading', { name: 'Results for “budget”' })).toBeInTheDocument();
    const grid = screen.getByRole('grid', { name: 'Search results for budget' });
    const nested = (await within(grid).findByText('budget-2027.xlsx')).closest('[role="row"]') as HTMLElement;
    expect(within(nested).getByText('in All Files › Projects')).toBeInTheDocument();
    expect(within(grid).getByText('budget-old.xlsx')).toBeInTheDocument();
    expect(screen.getByText('2 results')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search files' }), '{Escape}');
    expect(await screen.findByRole('grid', { name: 'Contents of All Files' })).toBeInTheDocument();
  });

  it('searches only the open folder when asked', async () => {
    const user = userEvent.setup();
    render(<FileBrowserScreen />);
    await user.dblClick(await screen.findByText('Projects'));
    await screen.findByRole('grid', { name: 'Contents of Projects' });
    await user.click(screen.getByRole('checkbox', { name: 'This folder' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search files' }), 'budget{Enter}');
    expect(await screen.findByText('budget-2027.xlsx')).toBeInTheDocument();
    expect(screen.queryByText('budget-old.xlsx')).not.toBeInTheDocument();
    expect(screen.getByText('1 result')).toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    render(<FileBrowserScreen />);
    await screen.findByText('Projects');
    await user.type(screen.getByRole('searchbox', { name: 'Search files' }), 'zebra{Enter}');
    expect(await screen.findByRole('heading', { name: 'No results for “zebra”' })).toBeInTheDocument();
  });

  it('shows an error with the action to take, and recovers on Try again', async () => {
    const user = userEvent.setup();
    await box.emulator.controls.addFault({
      route: 'GET /2.0/folders/{folder_id}/items',
      status: 429,
      retryAfterSeconds: 60,
    });
    render(<FileBrowserScreen />);
    expect(await screen.findByText('Box is receiving too many requests. Try again in 60 seconds.')).toBeInTheDocument();
    await box.emulator.controls.clearFaults();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Projects')).toBeInTheDocument();
  });

  it('creates a folder from the toolbar and shows a name clash inside the dialog', async () => {
    const user = userEvent.setup();
    render(<FileBrowserScreen />);
    await screen.findByText('Projects');
    await user.click(screen.getByRole('button', { name: 'New folder' }));
    const dialog = screen.getByRole('dialog', { name: 'New folder' });
    await user.type(within(dialog).getByLabelText('Name'), 'projects{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'An item named “projects” already exists here. Choose another name.',
    );
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Reports{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const created = (await screen.findByText('Reports')).closest('[role="row"]');
    expect(created).toHaveAttribute('aria-selected', 'true');
  });

  it('a failure that is not about the name closes the dialog and says what to do in a toast', async () => {
    const user = userEvent.setup();
    render(<FileBrowserScreen />);
    await screen.findByText('Projects');
    await box.emulator.controls.addFault({
      route: 'POST /2.0/folders',
      status: 403,
      code: 'storage_limit_exceeded',
      times: 1,
    });
    await user.click(screen.getByRole('button', { name: 'New folder' }));
    await user.type(
      within(screen.getByRole('dialog', { name: 'New folder' })).getByLabelText('Name'),
      'Archive{Enter}',
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(
      await screen.findByText(
        'Your Box storage is full. Delete files you no longer need, or ask your IT team for more space.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Archive')).not.toBeInTheDocument();
  });
});
