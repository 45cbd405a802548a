// What the holder of the follow link may do: say the problem is not fixed (within the window)
// and rate the handling 1–5 once it is resolved. The server decides (`mine`), the page offers.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../ui/error-text.ts';
import { TextAreaField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import type { PublicReportDetail } from '../api/report.types.ts';
import { provideInfo, rateReport, reopenReport } from '../api/reports.api.ts';

interface ReporterActionsProps {
  report: PublicReportDetail;
  token: string;
  onDone: () => void;
}

/** The reporter's panel (shown only with a valid token). */
export function ReporterActions({ report, token, onDone }: ReporterActionsProps) {
  const t = useT();
  const [flash, setFlash] = useState<string | null>(null);
  const mine = report.mine;
  if (!mine) return null;
  const done = (message: string) => {
    setFlash(message);
    onDone();
  };
  return (
    <section className="panel" aria-labelledby="rp-mine-title">
      <h2 id="rp-mine-title" className="panel__title">
        {t('reports.mine.title')}
      </h2>
      {flash ? <Notice>{flash}</Notice> : null}
      {mine.canProvideInfo ? (
        <InfoForm
          code={report.code}
          token={token}
          question={mine.infoQuestion ?? ''}
          onDone={() => done(t('reports.mine.infoSent'))}
        />
      ) : null}
      {!mine.canReopen && !mine.canRate && !mine.canProvideInfo && !flash ? (
        <p className="muted">{t('reports.mine.nothing')}</p>
      ) : null}
      {mine.canRate ? (
        <RatingForm code={report.code} token={token} onDone={() => done(t('reports.mine.rated'))} />
      ) : null}
      {mine.canReopen ? (
        <ReopenForm
          code={report.code}
          token={token}
          until={mine.reopenUntil}
          onDone={() => done(t('reports.mine.reopened'))}
        />
      ) : null}
    </section>
  );
}

function RatingForm({ code, token, onDone }: { code: string; token: string; onDone: () => void }) {
  const t = useT();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rating) {
      setError(t('reports.validation.rating'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await rateReport(code, token, rating, comment.trim() || undefined);
      onDone();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="rp-mine-form" aria-labelledby="rp-rate-legend">
      <fieldset className={`fieldset${error ? ' field--error' : ''}`}>
        <legend className="fieldset__legend" id="rp-rate-legend">
          {t('reports.mine.rateTitle')}
        </legend>
        {error ? (
          <p className="field__error" id="rp-rate-error">
            {error}
          </p>
        ) : null}
        <div className="rp-stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="rp-star">
              <input
                type="radio"
                name="rp-rating"
                value={n}
                checked={rating === n}
                onChange={() => setRating(n)}
              />
              {t(`reports.rating.${n as 1 | 2 | 3 | 4 | 5}`)}
            </label>
          ))}
        </div>
        <TextAreaField
          id="rp-rate-comment"
          label={`${t('reports.mine.comment')} ${t('form.optional')}`}
          value={comment}
          rows={3}
          maxLength={1000}
          onChange={(e) => setComment(e.target.value)}
        />
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {t('reports.mine.rateSubmit')}
      </button>
    </form>
  );
}

/**
 * A one-text-box action of the reporter (answer a question, say "not fixed"): an empty box is
 * refused with `emptyMessage`, a failure shows the server's message, success calls `onDone`.
 */
function useTextAction(
  send: (text: string) => Promise<unknown>,
  emptyMessage: MessageKey,
  onDone: () => void,
) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!text.trim()) {
      setError(t(emptyMessage));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await send(text.trim());
      onDone();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return { text, setText, error, busy, onSubmit };
}

/** The answer to the staff's request for more information. */
function InfoForm({
  code,
  token,
  question,
  onDone,
}: {
  code: string;
  token: string;
  question: string;
  onDone: () => void;
}) {
  const t = useT();
  const {
    text: answer,
    setText: setAnswer,
    error,
    busy,
    onSubmit,
  } = useTextAction(
    (text) => provideInfo(code, token, text),
    'reports.validation.infoAnswer',
    onDone,
  );
  return (
    <form onSubmit={onSubmit} noValidate className="rp-mine-form" aria-labelledby="rp-info-title">
      <h3 id="rp-info-title">{t('reports.mine.infoTitle')}</h3>
      <blockquote>{question}</blockquote>
      <TextAreaField
        id="rp-info-answer"
        label={t('reports.mine.infoAnswer')}
        hint={t('reports.mine.infoHint')}
        value={answer}
        error={error}
        rows={3}
        maxLength={2000}
        onChange={(e) => setAnswer(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('reports.mine.infoSubmit')}
      </button>
    </form>
  );
}

function ReopenForm({
  code,
  token,
  until,
  onDone,
}: {
  code: string;
  token: string;
  until: string | null;
  onDone: () => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const {
    text: reason,
    setText: setReason,
    error,
    busy,
    onSubmit,
  } = useTextAction(
    (text) => reopenReport(code, token, text),
    'reports.validation.reopenReason',
    onDone,
  );
  if (!open)
    return (
      <div className="rp-mine-form">
        <p>
          {until
            ? t('reports.mine.reopenUntil', { until: formatDateTime(until) })
            : t('reports.mine.reopenIntro')}
        </p>
        <button type="button" className="button button--warning" onClick={() => setOpen(true)}>
          {t('reports.mine.reopen')}
        </button>
      </div>
    );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="rp-mine-form"
      aria-label={t('reports.mine.reopen')}
    >
      <TextAreaField
        id="rp-reopen-reason"
        label={t('reports.mine.reopenReason')}
        hint={t('reports.mine.reopenHint')}
        value={reason}
        error={error}
        rows={3}
        maxLength={2000}
        autoFocus
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="button-group">
        <button type="submit" className="button button--warning" disabled={busy}>
          {t('reports.mine.reopenSubmit')}
        </button>
        <button type="button" className="button button--link" onClick={() => setOpen(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
