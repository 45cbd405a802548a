// The key of a client just created: shown this once, with a copy button and the warning
// that it cannot be shown again (only its hash is stored).
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { copyText } from '../../../lib/clipboard.ts';
import type { CreatedOpen311Client } from '../api/open311.api.ts';

export function NewKeyNotice({
  created,
  onDone,
}: {
  created: CreatedOpen311Client;
  onDone: () => void;
}) {
  const t = useT();
  const [copied, setCopied] = useState<boolean | null>(null);
  const inputId = `open311-key-${created.id}`;
  return (
    <section className="notice notice--success open311-key" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="section__title">
        {t('open311.newKeyTitle', { name: created.name })}
      </h2>
      <p>
        <strong>{t('open311.newKeyWarning')}</strong>
      </p>
      <div className="field field--code">
        <label className="field__label" htmlFor={inputId}>
          {t('open311.keyLabel')}
        </label>
        <input
          id={inputId}
          className="input open311-key__value"
          readOnly
          value={created.apiKey}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div className="button-group">
        <button
          type="button"
          className="button"
          onClick={async () => setCopied(await copyText(created.apiKey))}
        >
          {t('open311.copy')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('open311.done')}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {copied === true ? t('open311.copied') : null}
        {copied === false ? t('open311.copyFailed') : null}
      </p>
    </section>
  );
}
