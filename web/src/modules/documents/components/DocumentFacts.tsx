// The top of a document's page: kind, number or "Dự thảo", status, urgency and
// confidentiality badges, deadline; then its metadata as a summary list.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { DocumentDetail } from '../api/document.types.ts';
import { sourceText, typeName } from '../lib/labels.ts';
import { DeadlineText, StatusTag, UrgencyBadges } from './DocumentBadges.tsx';
import { documentPath } from './DocumentTable.tsx';

/** The line under the title: number, status, badges, deadline. */
export function DocumentHeadline({ doc, today }: { doc: DocumentDetail; today: string }) {
  const t = useT();
  return (
    <div className="doc-headline">
      <p className="doc-headline__number">
        {doc.numberSymbol ? (
          <>
            <span className="muted">{t('documents.doc.number')}:</span>{' '}
            <strong>{doc.numberSymbol}</strong>
          </>
        ) : (
          <strong className="tag tag--grey">{t('documents.draftNumber')}</strong>
        )}
        {doc.arrivalNumber !== null ? (
          <>
            {' · '}
            <span className="muted">{t('documents.doc.arrival')}:</span>{' '}
            <strong>{doc.arrivalNumber}</strong>
          </>
        ) : null}
      </p>
      <p className="doc-headline__tags">
        <StatusTag status={doc.status} /> <UrgencyBadges doc={doc} />{' '}
        {doc.deadline ? (
          <>
            <span className="muted">{t('documents.doc.deadline')}:</span>{' '}
            <DeadlineText doc={doc} today={today} />
          </>
        ) : null}
      </p>
    </div>
  );
}

/** The metadata of a document. */
export function DocumentFacts({
  doc,
  nameOf,
}: {
  doc: DocumentDetail;
  nameOf: (code: string) => string;
}) {
  const t = useT();
  const row = (label: string, value: ReactNode) =>
    value === null || value === undefined || value === '' ? null : (
      <div className="summary-list__row">
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    );
  return (
    <dl className="summary-list doc-facts">
      {row(t('documents.doc.type'), typeName(doc.typeCode))}
      {row(t('documents.doc.issuer'), doc.issuerName)}
      {row(t('documents.doc.issuedOn'), formatDate(doc.issuedOn))}
      {row(
        t('documents.doc.signer'),
        [doc.signerPosition, doc.signerName].filter(Boolean).join(' ') || null,
      )}
      {row(t('documents.doc.source'), doc.source ? sourceText(t, doc.source) : null)}
      {row(t('documents.doc.unit'), `${nameOf(doc.unitCode)} (${doc.unitCode})`)}
      {row(
        t('documents.doc.replyTo'),
        doc.replyToId ? (
          <Link to={documentPath(doc.replyToId)}>{t('documents.doc.openReplyTo')}</Link>
        ) : null,
      )}
      {row(
        t('documents.doc.replies'),
        doc.replies.length > 0 ? (
          <ul className="doc-plain-list">
            {doc.replies.map((r) => (
              <li key={r.id}>
                <Link to={documentPath(r.id)}>
                  {r.numberSymbol ? `${r.numberSymbol} — ` : ''}
                  {r.summary}
                </Link>
              </li>
            ))}
          </ul>
        ) : null,
      )}
    </dl>
  );
}
