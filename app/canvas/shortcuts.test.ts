import { describe, expect, it } from 'vitest';
import { installShortcuts, isTextTarget, shortcutOf, undoKeys } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

/** A stand-in element: enough of the DOM for the checks (tests run without a browser). */
function element(tagName: string, options: { type?: string; inMonaco?: boolean; editable?: boolean } = {}) {
  return { tagName, type: options.type, isContentEditable: options.editable ?? false, closest: (selector: string) => (selector === '.monaco-editor' && options.inMonaco ? {} : null) } as unknown as EventTarget;
}

describe('undo and redo shortcuts', () => {
  it('Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo', () => {
    expect(shortcutOf(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutOf(key('z', { metaKey: true }))).toBe('undo');
    expect(shortcutOf(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutOf(key('z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutOf(key('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutOf(key('z'))).toBeNull();
    expect(shortcutOf(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('leave typing alone: text fields, text areas, Monaco and editable content keep their own undo', () => {
    expect(isTextTarget(element('INPUT', { type: 'text' }))).toBe(true);
    expect(isTextTarget(element('TEXTAREA'))).toBe(true);
    expect(isTextTarget(element('DIV', { inMonaco: true }))).toBe(true);
    expect(isTextTarget(element('DIV', { editable: true }))).toBe(true);
    expect(isTextTarget(element('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTextTarget(element('BUTTON'))).toBe(false);
  });

  it('run the command once per key press, and stop when uninstalled', () => {
    const listeners = new Set<(e: KeyboardEvent) => void>();
    const target = {
      addEventListener: (_: string, l: (e: KeyboardEvent) => void) => listeners.add(l),
      removeEventListener: (_: string, l: (e: KeyboardEvent) => void) => listeners.delete(l),
    } as unknown as Window;
    const ran: string[] = [];
    const uninstall = installShortcuts(target, (c) => ran.push(c));
    const press = (e: ReturnType<typeof key>, on: EventTarget) => {
      let prevented = false;
      for (const l of listeners) l({ ...e, target: on, defaultPrevented: false, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent);
      return prevented;
    };
    expect(press(key('z', { ctrlKey: true }), element('BUTTON'))).toBe(true);
    expect(press(key('z', { ctrlKey: true }), element('TEXTAREA'))).toBe(false);
    uninstall();
    press(key('y', { ctrlKey: true }), element('BUTTON'));
    expect(ran).toEqual(['undo']);
  });

  it('name the keys as the platform writes them', () => {
    expect(undoKeys('MacIntel')).toBe('⌘Z');
    expect(undoKeys('Linux x86_64')).toBe('Ctrl+Z');
  });
});
