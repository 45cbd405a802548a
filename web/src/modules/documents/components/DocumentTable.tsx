// A box of documents as a dense table: number (arrival number and symbol), summary (link),
// issuer, date, urgency and confidentiality, deadline in words and tone, status.
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import type { DocumentBox, DocumentSummary } from '../api/document.types.ts';
import { deadlineState } from '../lib/deadline.ts';
import { typeName } from '../lib/labels.ts';
import { DeadlineText, StatusTag, UrgencyBadges } from './DocumentBadges.tsx';

/** The page of a document. */
export const documentPath = (id: string) => `/van-ban/${encodeURIComponent(id)}`;

export function DocumentTable({
  items,
  box,
  caption,
  today,
}: {
  items: readonly DocumentSummary[];
  box: DocumentBox;
  caption: string;
  /** Today in Vietnam, 'YYYY-MM-DD'. */
  today: string;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table--dense doc-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.col.number')}</th>
            <th scope="col">{t('documents.col.summary')}</th>
            <th scope="col">{t('documents.col.issuer')}</th>
            <th scope="col">{t('documents.col.date')}</th>
            <th scope="col">{t('documents.col.urgency')}</th>
            <th scope="col">{t('documents.col.deadline')}</th>
            <th scope="col">{t('documents.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((doc) => {
            const tone = deadlineState(doc, today).tone;
            return (
              <tr key={doc.id} className={`doc-row--${tone}`}>
                <td className="nowrap">
                  {box === 'todo' ? (
                    <span className="doc-direction">
                      {t(`documents.direction.${doc.direction}`)}
                    </span>
                  ) : null}
                  {doc.arrivalNumber !== null ? (
                    <strong className="doc-arrival">
                      {t('documents.arrival', { n: doc.arrivalNumber })}
                    </strong>
                  ) : null}
                  <span className="doc-symbol">
                    {doc.numberSymbol ??
                      (doc.direction === 'outgoing' ? t('documents.draftNumber') : '')}
                  </span>
                </td>
                <td>
                  <Link to={documentPath(doc.id)}>{doc.summary}</Link>
                  <span className="doc-type muted">{typeName(doc.typeCode)}</span>
                </td>
                <td>{doc.issuerName ?? ''}</td>
                <td className="nowrap">
                  {doc.issuedOn
                    ? formatDate(doc.issuedOn)
                    : formatDateTime(doc.createdAt).slice(0, 10)}
                </td>
                <td>
                  <UrgencyBadges doc={doc} />
                </td>
                <td className="nowrap">
                  <DeadlineText doc={doc} today={today} />
                </td>
                <td>
                  <StatusTag status={doc.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
