import { Icon } from '../components/icons.tsx';

export interface NavigationButtonsProps {
  canGoBack: boolean;
  canGoForward: boolean;
  canGoUp: boolean;
  onBack: () => void;
  onForward: () => void;
  onUp: () => void;
}

/** Back, forward and up, each with its keyboard shortcut in the tooltip. */
export function NavigationButtons(props: NavigationButtonsProps) {
  const buttons = [
    { label: 'Back', title: 'Back (Alt+Left)', icon: 'back', enabled: props.canGoBack, run: props.onBack },
    {
      label: 'Forward',
      title: 'Forward (Alt+Right)',
      icon: 'forward',
      enabled: props.canGoForward,
      run: props.onForward,
    },
    { label: 'Up one level', title: 'Up one level (Backspace)', icon: 'up', enabled: props.canGoUp, run: props.onUp },
  ] as const;
  return (
    <div className="nav-buttons">
      {buttons.map((button) => (
        <button
          key={button.label}
          type="button"
          className="icon-button"
          aria-label={button.label}
          title={button.title}
          disabled={!button.enabled}
          onClick={button.run}
        >
          <Icon name={button.icon} />
        </button>
      ))}
    </div>
  );
}
