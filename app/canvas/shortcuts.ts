/**
 * The builder's global shortcuts: Ctrl/Cmd+Z undoes the last change of the world,
 * Shift+Ctrl/Cmd+Z and Ctrl+Y redo it. They stay out of the way of typing: in a text field
 * or in Monaco the browser's (or the editor's) own undo of the text applies instead.
 */
export type ShortcutCommand = 'undo' | 'redo';

interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** The command a key press asks for, if any. */
export function shortcutOf(e: KeyLike): ShortcutCommand | null {
  if (e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
  return null;
}

/** Whether keys typed at `target` are text being edited (an input, a text area, Monaco, anything contenteditable). */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.closest('.monaco-editor')) return true;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
  }
  return false;
}

/** Listens on `target` for the shortcuts; returns the function that stops listening. */
export function installShortcuts(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, run: (command: ShortcutCommand) => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || isTextTarget(e.target)) return;
    // An open modal dialog owns the keyboard: undoing the world behind it would surprise.
    if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return;
    const command = shortcutOf(e);
    if (!command) return;
    e.preventDefault();
    run(command);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}

/** How the undo keys are written on this platform. */
export function undoKeys(platform: string): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘Z' : 'Ctrl+Z';
}
