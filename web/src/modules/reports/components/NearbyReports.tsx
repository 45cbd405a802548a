// Before sending: open reports of the same category near the chosen point, each with "follow
// this report" as an alternative to filing a duplicate.
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { isAbort } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import type { NearbyReport } from '../api/report.types.ts';
import { followReport, nearbyReports } from '../api/reports.api.ts';
import { formatDistance, type MapPoint } from '../lib/geo.ts';
import { ReportStatusBadge } from './ReportBadges.tsx';

/** The nearby list; renders nothing until a category and a point are known. */
export function NearbyReports({
  categoryCode,
  point,
  reportHref,
}: {
  categoryCode: string;
  point: MapPoint | null;
  reportHref: (code: string) => string;
}) {
  const t = useT();
  const [items, setItems] = useState<NearbyReport[]>([]);
  const lat = point?.lat;
  const long = point?.long;

  useEffect(() => {
    if (!categoryCode || lat === undefined || long === undefined) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      nearbyReports(categoryCode, lat, long, controller.signal).then(setItems, (e: unknown) => {
        if (!isAbort(e)) setItems([]);
      });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [categoryCode, lat, long]);

  return (
    <div aria-live="polite">
      {items.length ? (
        <section className="panel rp-nearby" aria-labelledby="rp-nearby-title">
          <h2 id="rp-nearby-title" className="panel__title">
            {t('reports.nearby.title', { count: items.length })}
          </h2>
          <p>{t('reports.nearby.intro')}</p>
          <ul className="rp-list">
            {items.map((r) => (
              <NearbyItem key={r.code} report={r} href={reportHref(r.code)} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function NearbyItem({ report, href }: { report: NearbyReport; href: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [contact, setContact] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = `rp-follow-${report.code}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!contact.trim()) {
      setError(t('reports.follow.contactRequired'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await followReport(report.code, contact.trim());
      setDone(true);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="rp-list__item">
      <p className="rp-list__head">
        <Link to={href}>{report.code}</Link> <ReportStatusBadge status={report.status} />{' '}
        <span className="muted">
          {t('reports.nearby.distance', { distance: formatDistance(report.distanceM) })}
        </span>
      </p>
      <p className="rp-list__text">{report.description}</p>
      {done ? (
        <Notice>{t('reports.follow.done', { code: report.code })}</Notice>
      ) : open ? (
        <form onSubmit={onSubmit} noValidate className="rp-follow-form">
          <TextField
            id={id}
            label={t('reports.follow.contact')}
            hint={t('reports.follow.contactHint')}
            value={contact}
            error={error}
            autoComplete="tel"
            onChange={(e) => setContact(e.target.value)}
          />
          <div className="button-group">
            <button type="submit" className="button" disabled={busy}>
              {t('reports.follow.submit')}
            </button>
            <button type="button" className="button button--link" onClick={() => setOpen(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setOpen(true)}
        >
          {t('reports.follow.open')}
        </button>
      )}
    </li>
  );
}
