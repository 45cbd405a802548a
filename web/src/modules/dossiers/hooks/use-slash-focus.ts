import { useEffect } from 'react';
import { isTypingTarget } from '../lib/keyboard.ts';

/** The `/` shortcut: moves focus to the element with `targetId` (the page's first filter). */
export function useSlashFocus(targetId: string): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      const target = document.getElementById(targetId);
      if (!target) return;
      event.preventDefault();
      target.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [targetId]);
}
