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
  // The applicant proves it with the phone or the citizen ID given at receipt (either works).
  const [by, setBy] = useState<'phone' | 'citizenId'>('phone');
  const [citizenId, setCitizenId] = useState('');
  const proof =
    by === 'phone' ? { phone: phone.trim() } : { citizenId: citizenId.replace(/\s/g, '') };
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [result, setResult] = useState<(PublicStatus & { proof: typeof proof }) | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: SummaryItem[] = [];
    if (!code.trim()) missing.push({ message: t('track.codeRequired'), targetId: 'track-code' });
    if (by === 'phone' && !phone.trim())
      missing.push({ message: t('track.phoneRequired'), targetId: 'track-phone' });
    if (by === 'citizenId' && !/^\d{12}$/.test(citizenId.replace(/\s/g, '')))
      missing.push({ message: t('track.citizenIdRequired'), targetId: 'track-citizen-id' });
    setErrors(missing);
    setResult(null);
    if (missing.length) return;
    try {
      const used = proof;
      const found = await apiRequest<PublicStatus>(
        `/api/v1/public/dossiers/${encodeURIComponent(code.trim())}`,
        { query: used, expectUnauthenticated: true },
      );
      // The panels below keep the proof that found it, even if the inputs change afterwards.
      setResult({ ...found, proof: used });
    } catch (err) {
      const message =
        err instanceof ApiError && err.status === 404
          ? t(by === 'phone' ? 'track.notFound' : 'track.notFoundCitizenId')
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
        <fieldset className="fieldset">
          <legend className="field__label">{t('track.proofKind')}</legend>
          <div className="button-group">
            {(['phone', 'citizenId'] as const).map((kind) => (
              <div key={kind} className="checkbox">
                <input
                  type="radio"
                  id={`track-by-${kind}`}
                  name="track-by"
                  checked={by === kind}
                  onChange={() => setBy(kind)}
                />
                <label htmlFor={`track-by-${kind}`}>
                  {t(kind === 'phone' ? 'track.byPhone' : 'track.byCitizenId')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {by === 'phone' ? (
          <TextField
            id="track-phone"
            label={t('track.phone')}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            inputMode="tel"
            autoComplete="tel"
          />
        ) : (
          <TextField
            id="track-citizen-id"
            label={t('track.citizenId')}
            value={citizenId}
            onChange={(e) => setCitizenId(e.target.value)}
            inputMode="numeric"
            autoComplete="off"
          />
        )}
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
          <ApplicantPanels code={result.code} proof={result.proof} status={result.status} />
        </section>
      )}
    </>
  );
}
