// GOV.UK error summary: a box at the top of the form, focused when it appears, linking to
// each field with a problem.
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n-context.tsx';

/** One line of the summary; `targetId` is the id of the field it links to. */
export interface SummaryItem {
  message: string;
  targetId?: string;
}

/** The element with `id`, or with the longest existing prefix of it (server paths may be deeper than the form). */
function closestTarget(id: string): HTMLElement | null {
  let current = id;
  while (current) {
    const element = document.getElementById(current);
    if (element) return element;
    const cut = current.lastIndexOf('-');
    if (cut <= 0) return null;
    current = current.slice(0, cut);
  }
  return null;
}

/** Shows `items` (nothing when empty); takes focus whenever the list changes. */
export function ErrorSummary({ items, title }: { items: SummaryItem[]; title?: string }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [items]);

  if (!items.length) return null;
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      role="alert"
    >
      <h2 className="error-summary__title" id="error-summary-title">
        {title ?? t('error.summaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; order is stable.
          <li key={index}>
            {item.targetId ? (
              <a
                href={`#${item.targetId}`}
                onClick={(event) => {
                  const target = closestTarget(item.targetId ?? '');
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
