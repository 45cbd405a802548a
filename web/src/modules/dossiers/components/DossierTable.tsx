// The dense dossier table of the work queue and the unit view. Keyboard: j / k move the row
// focus, Enter opens the focused dossier (the `/` shortcut belongs to the page's filters).
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { DossierSummary } from '../api/dossier.types.ts';
import { applicantName } from '../lib/applicant.ts';
import { isTypingTarget } from '../lib/keyboard.ts';
import { moveIndex } from '../lib/misc.ts';
import { urgencyOf } from '../lib/urgency.ts';
import { StatusBadge, UrgencyBadge } from './DossierBadges.tsx';

interface DossierTableProps {
  items: DossierSummary[];
  href: (id: string) => string;
  caption: string;
}

/** Table of dossiers; rows are focusable and open on Enter or click. */
export function DossierTable({ items, href, caption }: DossierTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const [active, setActive] = useState(-1);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key !== 'j' && event.key !== 'k') return;
      event.preventDefault();
      const next = moveIndex(active, event.key === 'j' ? 1 : -1, items.length);
      setActive(next);
      rows.current[next]?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, items.length]);

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) navigate(href(id));
  };

  if (!items.length) return <p className="muted">{t('dossiers.queue.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--dense dq-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dossiers.queue.colCode')}</th>
            <th scope="col">{t('dossiers.queue.colProcedure')}</th>
            <th scope="col">{t('dossiers.queue.colApplicant')}</th>
            <th scope="col">{t('dossiers.queue.colReceived')}</th>
            <th scope="col">{t('dossiers.queue.colDue')}</th>
            <th scope="col">{t('dossiers.queue.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d, index) => (
            <tr
              key={d.id}
              ref={(el) => {
                rows.current[index] = el;
              }}
              tabIndex={index === active || (active < 0 && index === 0) ? 0 : -1}
              className={`dq-row--${urgencyOf(d)}`}
              onFocus={() => setActive(index)}
              onKeyDown={(e) => onRowKey(e, d.id)}
              onClick={(e) => {
                if (!(e.target instanceof HTMLAnchorElement)) navigate(href(d.id));
              }}
            >
              <th scope="row" className="nowrap">
                <Link to={href(d.id)} tabIndex={-1}>
                  {d.code}
                </Link>
              </th>
              <td>{d.procedure.name}</td>
              <td>{d.applicantName ?? applicantName(d.applicant)}</td>
              <td className="nowrap">{formatDateTime(d.receivedAt).slice(0, 10)}</td>
              <td className="nowrap">{formatDateTime(d.dueAt)}</td>
              <td>
                <div className="dq-status">
                  <StatusBadge status={d.status} />
                  <UrgencyBadge dossier={d} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
