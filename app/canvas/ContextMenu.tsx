/**
 * A context menu (right-click, Shift+F10 or the context-menu key): a `role="menu"` list of
 * `menuitem`s at the pointer, kept inside the window. Arrow keys, Home and End move between
 * items, Enter or a click runs one, Escape or Tab or a click elsewhere closes it; focus
 * then returns where it was.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import type { MenuItem } from './menuItems';

export interface ContextMenuProps {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly items: readonly MenuItem[];
  readonly onChoose: (item: MenuItem) => void;
  readonly onClose: () => void;
}

export function ContextMenu({ x, y, label, items, onChoose, onClose }: ContextMenuProps) {
  const t = useT();
  const ref = useRef<HTMLUListElement>(null);
  const [returnTo] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));

  // Kept inside the window: measured once drawn, moved before the browser paints.
  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const r = menu.getBoundingClientRect();
    const left = Math.max(4, Math.min(x, window.innerWidth - r.width - 4));
    const top = Math.max(4, Math.min(y, window.innerHeight - r.height - 4));
    menu.style.left = `${left}px`;
    menu.style.top = `${top}px`;
    menu.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [x, y]);

  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  const close = (restore: boolean) => {
    onClose();
    if (restore && returnTo?.isConnected) returnTo.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const entries = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(entries.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(true);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <ul ref={ref} className="context-menu" role="menu" aria-label={label} style={{ left: x, top: y }} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <li key={item.key} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={item.danger ? 'context-menu-item is-danger' : 'context-menu-item'}
            onClick={() => {
              close(false);
              onChoose(item);
            }}
          >
            {t(item.label)}
          </button>
        </li>
      ))}
    </ul>
  );
}
