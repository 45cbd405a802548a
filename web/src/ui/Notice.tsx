import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context.tsx';
import { errorText } from './error-text.ts';

/** A success or information banner, announced politely. */
export function Notice({
  kind = 'success',
  children,
}: {
  kind?: 'success' | 'info';
  children: ReactNode;
}) {
  return (
    <div className={`notice notice--${kind}`} role="status">
      {children}
    </div>
  );
}

/** A load failure shown in place of the content it replaces. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="notice notice--error" role="alert">
      <p>{errorText(error, t)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** A polite "loading…" line. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      {label ?? t('status.loading')}
    </p>
  );
}
