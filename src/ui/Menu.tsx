/**
 * A menu button (WAI-ARIA menu button pattern): the button opens a list of commands; arrow keys,
 * Home and End move between them, Enter or Space (or a click) runs one, Escape closes the menu and
 * a letter jumps to the next item starting with it. Moving never runs anything, and focus goes back
 * to the button when the menu closes, so a dialog an item opens returns focus there too.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './ui.css';

export interface MenuItem {
  id: string;
  label: string;
  /** A second, quieter line (what the item does). */
  description?: string;
  /** Shown at the right, e.g. a keyboard shortcut as the user types it ("Ctrl+S"). */
  hint?: string;
  /** The shortcut for assistive technology (aria-keyshortcuts, "Control+S"). */
  shortcut?: string;
  disabled?: boolean;
  /** Why the item is disabled (its tooltip). */
  title?: string;
  testId?: string;
  /** Items of one section follow each other; a new section starts with its heading (e.g. "Export"). */
  section?: string;
  onSelect(): void;
}

export interface MenuButtonProps {
  /** The button's content (text, icon). */
  children: ReactNode;
  /** The menu's items, read whenever the open menu renders (so they follow the app's state). */
  items: () => MenuItem[];
  /** Accessible name of the button when its content is not text enough. */
  ariaLabel?: string;
  title?: string;
  className?: string;
  testId?: string;
  /** Which edge of the button the menu lines up with. */
  align?: 'start' | 'end';
  disabled?: boolean;
}

/** Room needed below the button before the menu opens upwards instead, in px. */
const MIN_ROOM = 220;

export function MenuButton({ children, items, ariaLabel, title, className = 'button', testId, align = 'start', disabled }: MenuButtonProps) {
  const [open, setOpen] = useState<null | { focus: number }>(null);
  const [placement, setPlacement] = useState<{ up: boolean; maxHeight: number }>({ up: false, maxHeight: 400 });
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const buttonId = useId();

  const close = useCallback((refocus: boolean) => {
    setOpen(null);
    if (refocus) button.current?.focus();
  }, []);

  const shown = open ? items() : [];

  const show = (focus: 'first' | 'last') => {
    const all = items();
    if (all.length === 0) return;
    const r = button.current!.getBoundingClientRect();
    const below = window.innerHeight - r.bottom - 12;
    const above = r.top - 12;
    const up = below < MIN_ROOM && above > below;
    setPlacement({ up, maxHeight: Math.max(120, up ? above : below) });
    setOpen({ focus: focus === 'first' ? 0 : all.length - 1 });
  };

  // Focus the item asked for whenever it changes (opening, arrow keys).
  useLayoutEffect(() => {
    if (!open) return;
    list.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')[open.focus]?.focus();
  }, [open]);

  // A pointer press outside closes the menu (without taking focus back: the press put it somewhere).
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!list.current?.contains(t) && !button.current?.contains(t)) close(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [open, close]);

  const move = (to: number) => shown.length > 0 && setOpen({ focus: (to + shown.length) % shown.length });

  const onMenuKey = (e: KeyboardEvent) => {
    if (!open) return;
    const n = shown.length;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(open.focus + 1),
      ArrowUp: () => move(open.focus - 1),
      Home: () => move(0),
      End: () => move(n - 1),
      Escape: () => close(true),
      Tab: () => close(false),
    };
    const action = keys[e.key];
    if (action) {
      if (e.key !== 'Tab') e.preventDefault();
      e.stopPropagation();
      action();
      return;
    }
    if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const letter = e.key.toLowerCase();
      for (let i = 1; i <= n; i++) {
        const j = (open.focus + i) % n;
        if (shown[j].label.toLowerCase().startsWith(letter)) {
          e.preventDefault();
          e.stopPropagation();
          move(j);
          return;
        }
      }
    }
  };

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    close(true);
    item.onSelect();
  };

  return (
    <div className="menu-button">
      <button
        ref={button}
        id={buttonId}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        title={title}
        disabled={disabled}
        data-testid={testId}
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            show(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {children}
      </button>
      {open && (
        <div
          ref={list}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          className={`menu-button__list menu-button__list--${align}${placement.up ? ' menu-button__list--up' : ''}`}
          style={{ maxHeight: placement.maxHeight }}
          onKeyDown={onMenuKey}
        >
          {shown.map((item, i) => [
            item.section && item.section !== shown[i - 1]?.section && (
              <div key={`section-${item.section}`} className="menu-button__section" role="presentation">
                {item.section}
              </div>
            ),
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={i === open.focus ? 0 : -1}
              className="menu-button__item"
              aria-disabled={item.disabled || undefined}
              aria-labelledby={`${menuId}-${i}`}
              aria-describedby={item.description ? `${menuId}-${i}-d` : undefined}
              aria-keyshortcuts={item.shortcut}
              title={item.title ?? item.description}
              data-testid={item.testId}
              data-menu-item={item.id}
              onClick={() => choose(item)}
              onPointerMove={() => i !== open.focus && !item.disabled && move(i)}
            >
              <span id={`${menuId}-${i}`} className="menu-button__label">
                {item.label}
              </span>
              {item.hint && (
                <kbd className="menu-button__hint" aria-hidden="true">
                  {item.hint}
                </kbd>
              )}
              {item.description && (
                <span id={`${menuId}-${i}-d`} className="menu-button__description">
                  {item.description}
                </span>
              )}
            </button>,
          ])}
        </div>
      )}
    </div>
  );
}
