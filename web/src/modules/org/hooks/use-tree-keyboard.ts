// Keyboard model of the ARIA tree pattern (WAI-ARIA APG "Tree View"):
// ↑/↓ move, → expands or enters, ← collapses or goes to the parent, Home/End, Enter/Space select.
import type { KeyboardEvent } from 'react';
import type { VisibleNode } from '../components/unit-tree.ts';

interface TreeKeyboardArgs {
  visible: VisibleNode[];
  expanded: ReadonlySet<string>;
  focused: string | null;
  setFocused: (code: string) => void;
  toggle: (code: string, open: boolean) => void;
  select: (code: string) => void;
}

/** Returns the onKeyDown handler for the tree element. */
export function useTreeKeyboard({
  visible,
  expanded,
  focused,
  setFocused,
  toggle,
  select,
}: TreeKeyboardArgs) {
  return (event: KeyboardEvent) => {
    const index = visible.findIndex((node) => node.code === focused);
    const node = visible[index];
    if (!node) return;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown': {
        const next = visible[index + 1];
        if (next) setFocused(next.code);
        break;
      }
      case 'ArrowUp': {
        const prev = visible[index - 1];
        if (prev) setFocused(prev.code);
        break;
      }
      case 'ArrowRight':
        if (node.hasChildren && !expanded.has(node.code)) toggle(node.code, true);
        else if (node.hasChildren) {
          const child = visible[index + 1];
          if (child) setFocused(child.code);
        }
        break;
      case 'ArrowLeft':
        if (node.hasChildren && expanded.has(node.code)) toggle(node.code, false);
        else if (node.parentCode) setFocused(node.parentCode);
        break;
      case 'Home': {
        const first = visible[0];
        if (first) setFocused(first.code);
        break;
      }
      case 'End': {
        const last = visible[visible.length - 1];
        if (last) setFocused(last.code);
        break;
      }
      case 'Enter':
      case ' ':
        select(node.code);
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
}
