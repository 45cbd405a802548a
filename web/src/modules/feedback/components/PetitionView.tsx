// One petition for staff: the dossier (linked), deadlines, content, answer, history, actions.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { PetitionDetail } from '../api/feedback.api.ts';
import { PetitionActions } from './PetitionActions.tsx';
import { PetitionUrgencyBadge } from './PetitionTable.tsx';

const EVENT_LABELS: Record<string, MessageKey> = {
  submit: 'feedback.event.submit',
  accept: 'feedback.event.accept',
  reject: 'feedback.event.reject',
  answer: 'feedback.event.answer',
  request_info: 'feedback.event.request_info',
  provide_info: 'feedback.event.provide_info',
};

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function PetitionView({
  petition: p,
  dossierHref,
  onChange,
}: {
  petition: PetitionDetail;
  dossierHref: (id: string) => string;
  onChange: (p: PetitionDetail) => void;
}) {
  const t = useT();
  return (
    <>
      <dl className="summary-list">
        <Item label={t('feedback.view.dossier')}>
          <Link to={dossierHref(p.dossierId)}>{p.dossierCode}</Link>
        </Item>
        <Item label={t('feedback.view.procedure')}>{p.procedureName}</Item>
        <Item label={t('feedback.view.unit')}>{p.unitCode}</Item>
        <Item label={t('feedback.view.status')}>
          <div className="dq-status">
            <span className="dq-badge dq-badge--status">{t(`feedback.status.${p.status}`)}</span>
            <PetitionUrgencyBadge p={p} />
            {p.outcome !== 'open' ? (
              <span className={`dq-badge dq-badge--${p.outcome === 'late' ? 'bad' : 'good'}`}>
                {t(`feedback.outcome.${p.outcome}`)}
              </span>
            ) : null}
          </div>
        </Item>
        <Item label={t('feedback.view.received')}>{formatDateTime(p.createdAt)}</Item>
        <Item label={t('feedback.view.ackDue')}>{formatDateTime(p.ackDueAt)}</Item>
        <Item label={t('feedback.view.due')}>{formatDateTime(p.dueAt)}</Item>
        <Item label={t('feedback.view.contact')}>
          {p.hasPhone ? <div>{t('feedback.view.contactPhone')}</div> : null}
          {p.contactEmail ? <div>{p.contactEmail}</div> : null}
          {!p.hasPhone && !p.contactEmail ? t('feedback.view.noContact') : null}
        </Item>
      </dl>
      <h2>{t('feedback.view.content')}</h2>
      <p className="fb-text">{p.content}</p>
      {p.answer ? (
        <>
          <h2>{t('feedback.view.answer')}</h2>
          <p className="fb-text">{p.answer}</p>
          {p.answeredAt ? (
            <p className="muted">
              {p.answeredByName} — {formatDateTime(p.answeredAt)}
            </p>
          ) : null}
        </>
      ) : null}
      {p.infoRequest ? (
        <section aria-labelledby="petition-info-title">
          <h2 id="petition-info-title">{t('feedback.view.info')}</h2>
          <p className="muted">
            {t('feedback.view.infoQuestion', { at: formatDateTime(p.infoRequest.askedAt) })}
          </p>
          <p className="fb-text">{p.infoRequest.question}</p>
          {p.infoRequest.answer !== null && p.infoRequest.answeredAt ? (
            <>
              <p className="muted">
                {t('feedback.view.infoAnswer', { at: formatDateTime(p.infoRequest.answeredAt) })}
              </p>
              <p className="fb-text">{p.infoRequest.answer}</p>
            </>
          ) : (
            <p>{t('feedback.view.infoPending')}</p>
          )}
        </section>
      ) : null}
      <PetitionActions petition={p} onDone={onChange} />
      <h2>{t('feedback.view.events')}</h2>
      <ol>
        {p.events.map((e) => (
          <li key={e.seq}>
            {formatDateTime(e.at)} —{' '}
            {EVENT_LABELS[e.action] ? t(EVENT_LABELS[e.action]!) : e.action} ({e.actorName})
          </li>
        ))}
      </ol>
    </>
  );
}
