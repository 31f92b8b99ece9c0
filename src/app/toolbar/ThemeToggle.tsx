/** Switches between the light and the dark theme. */
import { useStores, useUiStore } from '../../store/index.ts';
import { rememberTheme } from '../theme.ts';
import { Icon } from '../../ui/icons.tsx';

export function ThemeToggle() {
  const theme = useUiStore((s) => s.theme);
  const next = theme === 'light' ? 'dark' : 'light';
  const { ui } = useStores();
  return (
    <button
      type="button"
      className="button button--icon"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={() => {
        ui.getState().setTheme(next);
        rememberTheme(next);
      }}
    >
      <Icon name={theme === 'light' ? 'moon' : 'sun'} />
    </button>
  );
}
