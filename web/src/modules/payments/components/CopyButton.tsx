// "Sao chép" beside a bank detail: copies the value and says so to screen readers.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { copyText } from '../../../lib/clipboard.ts';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useT();
  // null: nothing tried yet; false: the copy failed (the user copies by hand).
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    const done = await copyText(value);
    setCopied(done);
    if (done) window.setTimeout(() => setCopied(null), 3000);
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
        {copied === true ? t('payments.copy.announced', { what: label }) : ''}
        {copied === false ? t('payments.copy.failed', { what: label }) : ''}
      </span>
    </>
  );
}
