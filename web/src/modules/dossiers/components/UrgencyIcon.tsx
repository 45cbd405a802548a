// Small inline icons for deadline states: emoji and symbol fonts are missing on many office
// PCs, so the shapes are drawn. Always decorative — the words beside them carry the meaning.
import type { Urgency } from '../lib/urgency.ts';

export type IconName = Exclude<Urgency, 'closed'> | 'late' | 'done';

const PATHS: Record<IconName, string> = {
  // Triangle with an exclamation mark.
  overdue: 'M8 1 15 14H1Z M7.2 5h1.6v4.5H7.2Z M7.2 10.8h1.6v1.6H7.2Z',
  late: 'M8 1 15 14H1Z M7.2 5h1.6v4.5H7.2Z M7.2 10.8h1.6v1.6H7.2Z',
  // Clock.
  dueSoon:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm0 1.6a5.4 5.4 0 1 1 0 10.8A5.4 5.4 0 0 1 8 2.6ZM7.2 4h1.6v3.7l2.5 1.5-.8 1.4-3.3-2Z',
  // Pause bars.
  paused: 'M3.5 2h3v12h-3Z M9.5 2h3v12h-3Z',
  // Tick.
  onTime: 'M6.3 13.2 1.6 8.5l1.4-1.4 3.3 3.3 6.7-6.7 1.4 1.4Z',
  done: 'M6.3 13.2 1.6 8.5l1.4-1.4 3.3 3.3 6.7-6.7 1.4 1.4Z',
};

/** A 1em icon in the current text colour. */
export function UrgencyIcon({ name }: { name: IconName }) {
  return (
    <svg
      className="dq-icon"
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
