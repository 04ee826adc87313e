import { onBeforeUnmount, onMounted } from 'vue';

/** A keyboard shortcut of a page; its key is shown next to the button it presses. */
export interface Shortcut {
  /** `KeyboardEvent.key`, compared case-insensitively (`c`, `/`, `Enter`, `Escape`). */
  key: string;
  /** Ctrl (or ⌘ on a Mac) held. */
  ctrl?: boolean;
  /** Also while typing in a field (for Ctrl combinations that typing never produces). */
  inFields?: boolean;
  run: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The shortcut a key press asks for, if any; single keys never fire while the user types. */
export function matchShortcut(event: KeyboardEvent, shortcuts: readonly Shortcut[]): Shortcut | undefined {
  if (event.defaultPrevented || event.isComposing || event.altKey) return undefined;
  const ctrl = event.ctrlKey || event.metaKey;
  return shortcuts.find(
    (shortcut) =>
      shortcut.key.toLowerCase() === event.key.toLowerCase() &&
      (shortcut.ctrl ?? false) === ctrl &&
      (shortcut.inFields === true || !isTyping(event.target)),
  );
}

/**
 * Listens for the page's shortcuts while the component is mounted. While the page shows a
 * modal dialog, `shortcuts` returns none: the dialog owns the keyboard.
 */
export function useShortcuts(shortcuts: () => readonly Shortcut[]): void {
  const onKeydown = (event: KeyboardEvent) => {
    const shortcut = matchShortcut(event, shortcuts());
    if (shortcut === undefined) return;
    event.preventDefault();
    shortcut.run();
  };
  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
