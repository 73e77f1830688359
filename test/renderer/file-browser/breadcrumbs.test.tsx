import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Breadcrumbs } from '../../../renderer/src/file-browser/breadcrumbs.tsx';

const path = [
  { id: '0', name: 'All Files' },
  { id: '11', name: 'Projects' },
  { id: '12', name: '2027' },
];

describe('Breadcrumbs', () => {
  it('shows the path root first, with the open folder marked as current and not clickable', () => {
    render(<Breadcrumbs path={path} onOpen={() => undefined} />);
    const nav = screen.getByRole('navigation', { name: 'Folder path' });
    expect(
      within(nav)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['All Files›', 'Projects›', '2027']);
    expect(within(nav).getByText('2027')).toHaveAttribute('aria-current', 'page');
    expect(within(nav).queryByRole('button', { name: '2027' })).not.toBeInTheDocument();
  });

  it('opens an ancestor when clicked', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    render(<Breadcrumbs path={path} onOpen={(id) => opened.push(id)} />);
    await user.click(screen.getByRole('button', { name: 'All Files' }));
    await user.click(screen.getByRole('button', { name: 'Projects' }));
    expect(opened).toEqual(['0', '11']);
  });
});
