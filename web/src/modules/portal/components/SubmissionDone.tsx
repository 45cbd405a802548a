// After an online submission: the code, the appointment, form 01 (the receipt) and the way to
// the dossier's page, where the fees are paid and the steps followed.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import { receiptUrl } from '../api/portal.api.ts';
import type { Submitted } from '../api/portal.types.ts';
import { PORTAL_PATHS } from '../portal.paths.ts';

export function SubmissionDone({ result }: { result: Submitted }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const d = result.dossier;
  return (
    <section className="panel" aria-labelledby="portal-done-title">
      <h2 id="portal-done-title" className="panel__title" ref={heading} tabIndex={-1}>
        {t('portal.done.title')}
      </h2>
      <p>{d.procedureName}</p>
      <p className="muted">{t('portal.done.code')}</p>
      <strong className="dq-code" data-testid="dossier-code">
        {d.code}
      </strong>
      <p>
        {t('portal.done.due')}: <strong>{formatDateTime(d.dueAt)}</strong>
      </p>
      {d.feesDue > 0 ? <p>{t('portal.done.fees', { amount: formatMoney(d.feesDue) })}</p> : null}
      <p>{t('portal.done.next')}</p>
      <div className="button-group">
        <a className="button" href={receiptUrl(d.code)} target="_blank" rel="noopener noreferrer">
          {t('portal.done.receipt')}
        </a>
        <Link className="button button--secondary" to={PORTAL_PATHS.myDossier(d.code)}>
          {t('portal.done.open')}
        </Link>
      </div>
    </section>
  );
}
