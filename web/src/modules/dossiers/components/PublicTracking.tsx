// The citizen's tracking page (tra cứu hồ sơ): the code printed on form 01 (or in the SMS)
// and the phone given at receipt; shows the status and steps, never personal data.
import { type FormEvent, useState } from 'react';
import { ApiError, apiRequest } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { ApplicantPanels } from '../../portal/components/ApplicantPanels.tsx';

interface PublicStatus {
  code: string;
  status: string;
  procedureName: string;
  statusLabel: string;
  receivedAt: string;
  dueAt: string;
  timeline: { at: string; action: string; label: string }[];
}

/** Form + result of the public tracking page; `initialCode` comes from the QR link. */
export function PublicTracking({ initialCode }: { initialCode: string }) {
  const t = useT();
  const [code, setCode] = useState(initialCode);
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [result, setResult] = useState<PublicStatus | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: SummaryItem[] = [];
    if (!code.trim()) missing.push({ message: t('track.codeRequired'), targetId: 'track-code' });
    if (!phone.trim()) missing.push({ message: t('track.phoneRequired'), targetId: 'track-phone' });
    setErrors(missing);
    setResult(null);
    if (missing.length) return;
    try {
      setResult(
        await apiRequest<PublicStatus>(
          `/api/v1/public/dossiers/${encodeURIComponent(code.trim())}`,
          {
            query: { phone: phone.trim() },
            expectUnauthenticated: true,
          },
        ),
      );
    } catch (err) {
      const message =
        err instanceof ApiError && err.status === 404
          ? t('track.notFound')
          : err instanceof ApiError && err.detail
            ? err.detail
            : t('track.notFound');
      setErrors([{ message }]);
    }
  }

  return (
    <>
      <ErrorSummary items={errors} />
      <form onSubmit={submit} noValidate>
        <TextField
          id="track-code"
          label={t('track.code')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
        />
        <TextField
          id="track-phone"
          label={t('track.phone')}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          inputMode="tel"
          autoComplete="tel"
        />
        <button type="submit" className="button">
          {t('track.submit')}
        </button>
      </form>
      {result && (
        <section aria-live="polite" className="panel">
          <h2>{result.procedureName}</h2>
          <dl>
            <dt>{t('track.code')}</dt>
            <dd>{result.code}</dd>
            <dt>{t('track.status')}</dt>
            <dd>
              <strong>{result.statusLabel}</strong>
            </dd>
            <dt>{t('track.received')}</dt>
            <dd>{formatDateTime(result.receivedAt)}</dd>
            <dt>{t('track.due')}</dt>
            <dd>{formatDateTime(result.dueAt)}</dd>
          </dl>
          <h3>{t('track.timeline')}</h3>
          <ol>
            {result.timeline.map((s) => (
              <li key={`${s.at}-${s.action}`}>
                {formatDateTime(s.at)} — {s.label}
              </li>
            ))}
          </ol>
          <ApplicantPanels
            code={result.code}
            proof={{ phone: phone.trim() }}
            status={result.status}
          />
        </section>
      )}
    </>
  );
}
