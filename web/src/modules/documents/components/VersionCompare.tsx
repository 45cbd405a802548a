// The versions of a draft (phiên bản dự thảo) and the comparison of two of them, word by word:
// deletions as <del> (struck through), additions as <ins> (underlined), each also announced
// by words ("xóa:", "thêm:") — never by colour alone.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { SelectField } from '../../../ui/Field.tsx';
import type { DocumentDetail, DraftContent } from '../api/document.types.ts';
import { getDraftVersion } from '../api/documents.api.ts';
import { documentsErrorText } from '../lib/labels.ts';
import {
  type DiffSegment,
  diffParagraphs,
  diffWords,
  type ParagraphDiff,
} from '../lib/word-diff.ts';

/** The signer block as one line, for comparing. */
const signerLine = (c: DraftContent) =>
  [c.signer.authority, c.signer.title, c.signer.name].filter(Boolean).join(' — ');

function Segments({ segments }: { segments: readonly DiffSegment[] }) {
  const t = useT();
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'ins' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the comparison is shown once as is.
          <ins key={i}>
            <span className="visually-hidden">{t('documents.versions.ins')} </span>
            {s.text}
          </ins>
        ) : s.kind === 'del' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the comparison is shown once as is.
          <del key={i}>
            <span className="visually-hidden">{t('documents.versions.del')} </span>
            {s.text}
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the comparison is shown once as is.
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

function Paragraphs({ diff }: { diff: readonly ParagraphDiff[] }) {
  const t = useT();
  return (
    <>
      {diff.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the comparison is shown once as is.
        <p key={i} className={`doc-diff__p doc-diff__p--${p.kind}`}>
          {p.kind === 'added' ? (
            <span className="doc-diff__tag">{t('documents.versions.paragraphAdded')}: </span>
          ) : p.kind === 'removed' ? (
            <span className="doc-diff__tag">{t('documents.versions.paragraphRemoved')}: </span>
          ) : null}
          <Segments segments={p.segments} />
        </p>
      ))}
    </>
  );
}

export function VersionCompare({ doc }: { doc: DocumentDetail }) {
  const t = useT();
  const versions = [...doc.versions].sort((a, b) => a.no - b.no);
  const last = versions[versions.length - 1];
  const before = versions[versions.length - 2];
  const [fromNo, setFromNo] = useState(String(before?.no ?? ''));
  const [toNo, setToNo] = useState(String(last?.no ?? ''));
  const [result, setResult] = useState<{
    a: DraftContent;
    b: DraftContent;
    from: number;
    to: number;
  } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const options = versions.map((v) => ({
    value: String(v.no),
    label: t('documents.versions.option', {
      no: v.no,
      author: v.authorName,
      time: formatDateTime(v.createdAt),
    }),
  }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    const a = Number(fromNo);
    const b = Number(toNo);
    if (!a || !b) return;
    setBusy(true);
    try {
      const [va, vb] = await Promise.all([getDraftVersion(doc.id, a), getDraftVersion(doc.id, b)]);
      setResult({ a: va.content, b: vb.content, from: a, to: b });
    } catch (err) {
      setResult(null);
      setError(documentsErrorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const summaryDiff = result ? diffWords(result.a.summary, result.b.summary) : [];
  const bodyDiff = result ? diffParagraphs(result.a.paragraphs, result.b.paragraphs) : [];
  const signerDiff = result ? diffWords(signerLine(result.a), signerLine(result.b)) : [];
  const placesDiff = result
    ? diffParagraphs(result.a.recipients.places, result.b.recipients.places)
    : [];
  const same =
    result &&
    [summaryDiff, signerDiff].every((d) => d.every((s) => s.kind === 'same')) &&
    [bodyDiff, placesDiff].every((d) => d.every((p) => p.kind === 'same'));
  return (
    <section className="section" aria-labelledby="versions-title">
      <h2 id="versions-title" className="section__title">
        {t('documents.versions.title')}
      </h2>
      <div className="table-wrap">
        <table className="table table--dense">
          <caption className="visually-hidden">{t('documents.versions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('documents.versions.col.no')}</th>
              <th scope="col">{t('documents.versions.col.author')}</th>
              <th scope="col">{t('documents.versions.col.time')}</th>
              <th scope="col">{t('documents.versions.col.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.no}>
                <td>{v.no}</td>
                <td>{v.authorName}</td>
                <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                <td>{v.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {versions.length < 2 ? (
        <p className="muted">{t('documents.versions.only')}</p>
      ) : (
        <form
          className="filters doc-filters"
          onSubmit={onSubmit}
          aria-label={t('documents.versions.compare')}
        >
          <SelectField
            id="versions-from"
            label={t('documents.versions.from')}
            value={fromNo}
            onChange={(e) => setFromNo(e.target.value)}
            options={options}
          />
          <SelectField
            id="versions-to"
            label={t('documents.versions.to')}
            value={toNo}
            onChange={(e) => setToNo(e.target.value)}
            options={options}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('documents.versions.submit')}
          </button>
        </form>
      )}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <div className="doc-diff" aria-live="polite">
          <h3>
            {t('documents.versions.compare')}: {result.from} → {result.to}
          </h3>
          {same ? (
            <p>{t('documents.versions.same')}</p>
          ) : (
            <>
              <p className="muted">{t('documents.versions.legend')}</p>
              <h4>{t('documents.versions.summary')}</h4>
              <p className="doc-diff__p">
                <Segments segments={summaryDiff} />
              </p>
              <h4>{t('documents.versions.body')}</h4>
              <Paragraphs diff={bodyDiff} />
              <h4>{t('documents.versions.signer')}</h4>
              <p className="doc-diff__p">
                <Segments segments={signerDiff} />
              </p>
              <h4>{t('documents.versions.places')}</h4>
              <Paragraphs diff={placesDiff} />
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
