// Consent per purpose: one checkbox each, saved as soon as it changes; the history below.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../ui/error-text.ts';
import { CheckboxField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { type ConsentPurpose, type Consents, setConsent } from '../api/citizens.api.ts';

const label = (p: ConsentPurpose) => `citizens.consents.${p}` as MessageKey;
const hint = (p: ConsentPurpose) => `citizens.consents.${p}.hint` as MessageKey;

/** The consent checkboxes; `onChanged` reloads the list (with its history). */
export function ConsentsPanel({
  consents,
  onChanged,
}: {
  consents: Consents;
  onChanged: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState<ConsentPurpose | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The box shows the choice at once; it goes back if the server refuses it.
  const [shown, setShown] = useState<Partial<Record<ConsentPurpose, boolean>>>({});

  const toggle = async (purpose: ConsentPurpose, granted: boolean) => {
    setBusy(purpose);
    setShown((s) => ({ ...s, [purpose]: granted }));
    setError(null);
    setMessage(null);
    try {
      await setConsent(purpose, granted);
      setMessage(
        t('citizens.consents.saved', {
          purpose: t(label(purpose)),
          state: t(granted ? 'citizens.consents.granted' : 'citizens.consents.withdrawn'),
        }),
      );
      onChanged();
    } catch (e) {
      setShown((s) => ({ ...s, [purpose]: !granted }));
      setError(errorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <p>{t('citizens.consents.intro')}</p>
      {error ? (
        <div className="notice notice--error" role="alert">
          {error}
        </div>
      ) : null}
      {message ? <Notice>{message}</Notice> : null}
      <fieldset className="fieldset">
        <legend className="visually-hidden">{t('citizens.consents.title')}</legend>
        {consents.items.map((c) => (
          <CheckboxField
            key={c.purpose}
            id={`consent-${c.purpose}`}
            label={t(label(c.purpose))}
            hint={t(hint(c.purpose))}
            checked={shown[c.purpose] ?? c.granted}
            disabled={busy !== null}
            onChange={(e) => toggle(c.purpose, e.target.checked)}
          />
        ))}
      </fieldset>
      <details>
        <summary>{t('citizens.consents.history', { n: consents.history.length })}</summary>
        {consents.history.length === 0 ? (
          <p className="muted">{t('citizens.consents.historyEmpty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('citizens.consents.historyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('citizens.consents.col.at')}</th>
                  <th scope="col">{t('citizens.consents.col.purpose')}</th>
                  <th scope="col">{t('citizens.consents.col.choice')}</th>
                </tr>
              </thead>
              <tbody>
                {[...consents.history].reverse().map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: history rows have no id here.
                  <tr key={i}>
                    <td>{formatDateTime(h.at)}</td>
                    <td>{t(label(h.purpose))}</td>
                    <td>
                      {t(h.granted ? 'citizens.consents.granted' : 'citizens.consents.withdrawn')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </div>
  );
}
