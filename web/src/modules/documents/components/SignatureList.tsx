// Signatures and their verification in plain words: the verdict first ("Chữ ký hợp lệ",
// "Tài liệu bị thay đổi sau khi ký" …), then each check met (✓ Đạt), not met (✗ Không đạt)
// or worth a look (! Lưu ý) — a sign, a word and a colour, never the colour alone.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { SignatureCheck } from '../api/document.types.ts';
import { readSignature } from '../lib/signature-verdict.ts';

const MARK = { true: '✓', false: '✗', null: '!' } as const;
const VERDICT_MARK = { valid: '✓', warning: '!', invalid: '✗' } as const;

export function SignatureList({
  signatures,
  headingLevel = 3,
}: {
  signatures: readonly (SignatureCheck & { checkedAt?: string; kind?: string })[];
  /** The level of each signature's heading (under the section's own). */
  headingLevel?: 3 | 4;
}) {
  const t = useT();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ol className="doc-signatures">
      {signatures.map((s, index) => {
        const read = readSignature(s);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: signatures keep their order in the file.
          <li key={index} className={`doc-signature doc-signature--${read.verdict}`}>
            <H className="doc-signature__verdict">
              <span aria-hidden="true">{VERDICT_MARK[read.verdict]} </span>
              {t(read.headline)}
            </H>
            {s.kind === 'edxml' ? (
              // The exchange package's own XML-DSig (QCVN 102:2016), not a signature in the PDF.
              <p className="doc-signature__kind">
                {t('documents.sig.kind.edxml')}
                {s.message ? ` ${s.message}` : ''}
              </p>
            ) : null}
            <dl className="doc-signature__who">
              <dt>{t('documents.sig.signer')}</dt>
              <dd>{s.signer || t('documents.sig.unknownSigner')}</dd>
              {s.signedAt ? (
                <>
                  <dt>{t('documents.sig.signedAt')}</dt>
                  <dd>{formatDateTime(s.signedAt)}</dd>
                </>
              ) : null}
            </dl>
            <ul className="doc-signature__checks">
              {read.lines.map((line) => {
                const state = String(line.ok) as 'true' | 'false' | 'null';
                return (
                  <li key={line.key} className={`doc-check doc-check--${state}`}>
                    <span className="doc-check__mark" aria-hidden="true">
                      {MARK[state]}
                    </span>{' '}
                    <span className="visually-hidden">
                      {line.ok === true
                        ? t('documents.sig.met')
                        : line.ok === false
                          ? t('documents.sig.notMet')
                          : t('documents.sig.note')}
                      :{' '}
                    </span>
                    {t(line.key, line.params)}
                  </li>
                );
              })}
            </ul>
            {s.checkedAt ? (
              <p className="muted doc-signature__checked">
                {t('documents.sig.checkedAt', { time: formatDateTime(s.checkedAt) })}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
