/** Keeping keyboard focus in the inspector when the control that had it goes away. */

/**
 * After an action removed the control that had focus (a list row that went away), focus
 * goes to what is left of its section: another row's action or the section's first field,
 * so the keyboard is not dropped onto the page.
 */
export function keepFocusInSection(control: HTMLElement): void {
  const section = control.closest('.inspector-section');
  requestAnimationFrame(() => {
    if (control.isConnected || !section?.isConnected) return;
    section.querySelector<HTMLElement>('.item-actions button, .item-link, input:not(:disabled), select:not(:disabled), button:not(:disabled)')?.focus();
  });
}

/** Focuses the control marked `data-focus-key={key}` once the page has re-rendered. */
export function focusLater(key: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus());
}
