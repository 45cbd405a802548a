// Urgency and confidentiality badges, the deadline in words and tone, the status tag. Every
// tone carries its words (WCAG 1.4.1): red says "Quá hạn", amber says the days left.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { DocumentSummary } from '../api/document.types.ts';
import { deadlineState } from '../lib/deadline.ts';
import { confidentialityText, statusText, urgencyText } from '../lib/labels.ts';

/** "Khẩn", "Thượng khẩn", "Hỏa tốc" and "Mật"… badges; nothing for ordinary documents. */
export function UrgencyBadges({
  doc,
}: {
  doc: Pick<DocumentSummary, 'urgency' | 'confidentiality'>;
}) {
  const t = useT();
  return (
    <>
      {doc.urgency !== 'normal' ? (
        <span className={`doc-badge doc-badge--${doc.urgency}`}>{urgencyText(t, doc.urgency)}</span>
      ) : null}
      {doc.confidentiality !== 'normal' ? (
        <span className="doc-badge doc-badge--secret">
          {confidentialityText(t, doc.confidentiality)}
        </span>
      ) : null}
    </>
  );
}

/** The deadline as dd/mm/yyyy with "Quá hạn" (red) or the days left when within two (amber). */
export function DeadlineText({
  doc,
  today,
}: {
  doc: Pick<DocumentSummary, 'deadline' | 'overdue' | 'status'>;
  today: string;
}) {
  const t = useT();
  const { tone, daysLeft } = deadlineState(doc, today);
  if (tone === 'none') return <span className="muted">{t('documents.deadline.none')}</span>;
  const date = formatDate(doc.deadline);
  if (tone === 'overdue')
    return (
      <span className="doc-deadline doc-deadline--overdue">
        {date} <strong>— {t('documents.deadline.overdue')}</strong>
      </span>
    );
  if (tone === 'dueSoon')
    return (
      <span className="doc-deadline doc-deadline--dueSoon">
        {date}{' '}
        <strong>
          —{' '}
          {daysLeft === 0
            ? t('documents.deadline.today')
            : t('documents.deadline.daysLeft', { n: daysLeft ?? 0 })}
        </strong>
      </span>
    );
  return <span className="doc-deadline">{date}</span>;
}

/** The status as a grey tag. */
export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return <span className="tag tag--grey">{statusText(t, status)}</span>;
}
