// "Sao chép" beside a bank detail: copies the value and says so to screen readers.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 3000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small pay-copy"
        onClick={copy}
        aria-label={t('payments.copy.label', { what: label })}
      >
        {copied ? t('payments.copy.done') : t('payments.copy.action')}
      </button>
      <span className="visually-hidden" role="status">
        {copied ? t('payments.copy.announced', { what: label }) : ''}
      </span>
    </>
  );
}
