/**
 * A button that shows a panel of actions below it (the disclosure pattern: a real button
 * with `aria-expanded`, its panel a list of ordinary buttons, reached with Tab). Escape or
 * a click elsewhere closes it and focus returns to the button; choosing an item closes it.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';

interface PopoverMenuProps {
  readonly buttonRef: RefObject<HTMLButtonElement | null>;
  readonly buttonContent: ReactNode;
  readonly buttonClassName?: string;
  readonly className?: string;
  /** The panel's content; `close` closes the panel (call it before opening a dialog). */
  readonly children: (close: () => void) => ReactNode;
}

export function PopoverMenu({ buttonRef, buttonContent, buttonClassName, className, children }: PopoverMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrap = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (event.target instanceof Node && !wrap.current?.contains(event.target)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open, buttonRef]);

  return (
    <div
      ref={wrap}
      className={className ? `ws-menu ${className}` : 'ws-menu'}
      onBlur={(event) => {
        // Tabbing out of the panel closes it, as a click elsewhere does.
        if (open && !(event.relatedTarget instanceof Node && wrap.current?.contains(event.relatedTarget))) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName ? `ws-menu-button ${buttonClassName}` : 'ws-menu-button'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {buttonContent}
        <span className="ws-chevron" aria-hidden="true" />
      </button>
      {open ? (
        <div id={panelId} className="ws-menu-panel" tabIndex={-1}>
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}
