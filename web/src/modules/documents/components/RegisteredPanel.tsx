// The confirmation after registering an incoming document: the arrival number (số đến) large
// enough to copy onto the paper, a link to the document and what comes next.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { documentPath } from './DocumentTable.tsx';

export function RegisteredPanel({
  id,
  arrivalNumber,
  summary,
  onNext,
}: {
  id: string;
  arrivalNumber: number | null;
  summary?: string;
  /** "Register another". */
  onNext?: () => void;
}) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  // The confirmation takes focus, so it is read out and the next step is one Tab away.
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="notice notice--success doc-registered"
      aria-labelledby={`registered-${id}`}
    >
      <h2 id={`registered-${id}`} className="section__title">
        {t('documents.registered.title')}
      </h2>
      {arrivalNumber !== null ? (
        <p className="doc-registered__number">
          <span>{t('documents.registered.number')}</span> <strong>{arrivalNumber}</strong>
        </p>
      ) : (
        <p>{t('documents.registered.noNumber')}</p>
      )}
      {summary ? <p>{summary}</p> : null}
      <p>{t('documents.registered.next')}</p>
      <p className="button-group">
        <Link to={documentPath(id)} className="button">
          {t('documents.registered.open')}
        </Link>
        {onNext ? (
          <button type="button" className="button button--secondary" onClick={onNext}>
            {t('documents.form.reset')}
          </button>
        ) : null}
      </p>
    </section>
  );
}
