// After sending: the report code large enough to copy, its public page, and the follow link
// with its secret token, which the citizen must keep (it is shown only once).
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { copyText } from '../../../lib/clipboard.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { CreatedReport } from '../api/report.types.ts';
import { reportLinks } from '../lib/report-form.ts';

/** The confirmation panel; its heading takes focus so screen readers announce it. */
export function ReportCreated({
  created,
  onAnother,
}: {
  created: CreatedReport;
  onAnother: () => void;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // null: nothing tried yet; false: the copy failed (the citizen copies by hand).
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const links = reportLinks(window.location.origin, created.code, created.followToken);
  const followPath = links.follow.slice(window.location.origin.length);

  const copy = async () => setCopied(await copyText(links.follow));

  return (
    <section className="panel rp-created" aria-labelledby="rp-created-title">
      <h2 id="rp-created-title" className="panel__title" ref={heading} tabIndex={-1}>
        {t('reports.created.title')}
      </h2>
      <p className="muted">{t('reports.created.code')}</p>
      <strong className="dq-code" data-testid="report-code">
        {created.code}
      </strong>
      <p>
        {t('reports.created.due')}: <strong>{formatDateTime(created.dueAt)}</strong>
      </p>
      <p>
        <Link to={`/phan-anh/${encodeURIComponent(created.code)}`}>
          {t('reports.created.pageLink')}
        </Link>
      </p>
      <h3 className="rp-subhead">{t('reports.created.followTitle')}</h3>
      <p>{t('reports.created.followKeep')}</p>
      <label className="field__label" htmlFor="rp-follow-link">
        {t('reports.created.followLink')}
      </label>
      <input
        id="rp-follow-link"
        className="input rp-follow-link"
        readOnly
        value={links.follow}
        onFocus={(e) => e.currentTarget.select()}
        data-testid="follow-link"
      />
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={copy}>
          {t('reports.created.copy')}
        </button>
        <Link className="button button--secondary" to={followPath}>
          {t('reports.created.openFollow')}
        </Link>
      </div>
      <p role="status" className="muted">
        {copied === true ? t('reports.created.copied') : ''}
        {copied === false ? t('reports.created.copyFailed') : ''}
      </p>
      <p>{t('reports.created.next')}</p>
      <button type="button" className="button button--link" onClick={onAnother}>
        {t('reports.created.another')}
      </button>
    </section>
  );
}
