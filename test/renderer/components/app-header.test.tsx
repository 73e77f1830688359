import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { AppHeader } from '../../../renderer/src/components/app-header.tsx';

const alice = { name: 'Alice Martin', email: 'alice@example.com', boxUserId: '10000001' };

function renderHeader() {
  const calls: string[] = [];
  render(
    <AppHeader
      info={null}
      user={alice}
      onSignOut={() => calls.push('sign-out')}
      onSignOutEverywhere={() => calls.push('sign-out-everywhere')}
    />,
  );
  return calls;
}

describe('AppHeader sign-out choices', () => {
  it('"Sign out" leaves the app only', async () => {
    const calls = renderHeader();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));
    expect(calls).toEqual(['sign-out']);
  });

  it('the menu beside it also signs out of the company account, by mouse', async () => {
    const user = userEvent.setup();
    const calls = renderHeader();
    const more = screen.getByRole('button', { name: 'Sign-out options' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: 'Sign-out options' });
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of your company account too' }));
    expect(calls).toEqual(['sign-out-everywhere']);
    expect(menu).not.toBeInTheDocument();
  });

  it('and by keyboard: the item takes focus, Escape closes without signing out, Enter chooses', async () => {
    const user = userEvent.setup();
    const calls = renderHeader();
    screen.getByRole('button', { name: 'Sign-out options' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('menuitem', { name: 'Sign out of your company account too' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign-out options' })).toHaveFocus();
    expect(calls).toEqual([]);
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    expect(calls).toEqual(['sign-out-everywhere']);
  });

  it('shows no sign-out controls when nobody is signed in', () => {
    render(<AppHeader info={null} user={null} onSignOut={() => undefined} onSignOutEverywhere={() => undefined} />);
    expect(screen.queryByRole('button', { name: /sign[- ]out/i })).not.toBeInTheDocument();
  });
});
