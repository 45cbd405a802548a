// A download link that fetches the file itself: a refusal or a route not there yet shows the
// server's Vietnamese message beside the link instead of a page of JSON.
import { type ReactNode, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { downloadFile } from '../api/documents.api.ts';
import { documentsErrorText } from '../lib/labels.ts';

export function DownloadLink({
  href,
  fileName,
  children,
  className,
}: {
  href: string;
  /** The name when the server sends none. */
  fileName: string;
  children: ReactNode;
  className?: string;
}) {
  const t = useT();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <>
      <a
        href={href}
        className={className}
        aria-busy={busy || undefined}
        onClick={(e) => {
          // New tab or window: let the browser do it.
          if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          setError('');
          setBusy(true);
          downloadFile(href, fileName)
            .catch((err: unknown) =>
              setError(t('documents.doc.downloadFailed', { detail: documentsErrorText(err, t) })),
            )
            .finally(() => setBusy(false));
        }}
      >
        {children}
      </a>
      {error ? (
        <span className="field__error doc-download-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
