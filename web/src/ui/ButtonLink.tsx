// A navigation styled and exposed as a button, as GOV.UK's start button does
// (`<a role="button">`): it keeps its href (open in new tab) and answers to Space like a button.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** A link with role="button". */
export function ButtonLink({
  to,
  children,
  className,
}: {
  to: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link
      to={to}
      role="button"
      draggable={false}
      className={['button', className ?? ''].filter(Boolean).join(' ')}
      onKeyDown={(event) => {
        if (event.key === ' ') {
          event.preventDefault();
          event.currentTarget.click();
        }
      }}
    >
      {children}
    </Link>
  );
}
