import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const buttons = [
    { id: 'back', label: t('browser.back'), title: t('browser.backHint'), enabled: props.canGoBack, run: props.onBack },
    {
      id: 'forward',
      label: t('browser.forward'),
      title: t('browser.forwardHint'),
      enabled: props.canGoForward,
      run: props.onForward,
    },
    { id: 'up', label: t('browser.up'), title: t('browser.upHint'), enabled: props.canGoUp, run: props.onUp },
  ] as const;
  return (
    <div className="nav-buttons">
      {buttons.map((button) => (
        <button
          key={button.id}
          type="button"
          className="icon-button"
          aria-label={button.label}
          title={button.title}
          disabled={!button.enabled}
          onClick={button.run}
        >
          <Icon name={button.id} />
        </button>
      ))}
    </div>
  );
}
