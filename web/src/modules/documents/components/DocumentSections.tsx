// The sections of a document's page: the leader's direction and the assignments, the draft's
// content with its ND30 downloads, the files, the signatures, the history.
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { DocumentDetail } from '../api/document.types.ts';
import { documentFileUrl, draftDocxUrl, draftPdfUrl, edxmlUrl } from '../api/documents.api.ts';
import { formatSize } from '../lib/files.ts';
import { eventText, fileKindText, roleText, statusText } from '../lib/labels.ts';
import { DownloadLink } from './DownloadLink.tsx';
import { SignatureList } from './SignatureList.tsx';

/** Ý kiến chỉ đạo and the table of assignments (role, unit, person, task, done). */
export function DirectionSection({ doc }: { doc: DocumentDetail }) {
  const t = useT();
  if (!doc.leaderDirection && doc.assignments.length === 0) return null;
  return (
    <section className="section" aria-labelledby="doc-direction-title">
      <h2 id="doc-direction-title" className="section__title">
        {t('documents.doc.direction')}
      </h2>
      {doc.leaderDirection ? (
        <blockquote className="doc-direction-text">{doc.leaderDirection}</blockquote>
      ) : null}
      {doc.assignments.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="doc-caption">{t('documents.doc.assignments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.doc.col.role')}</th>
                <th scope="col">{t('documents.doc.col.unit')}</th>
                <th scope="col">{t('documents.doc.col.person')}</th>
                <th scope="col">{t('documents.doc.col.task')}</th>
                <th scope="col">{t('documents.doc.col.done')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.assignments.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one unit may hold two roles.
                <tr key={`${a.unitCode}-${a.role}-${i}`}>
                  <td>{roleText(t, a.role)}</td>
                  <td>{a.unitName ?? a.unitCode}</td>
                  <td>
                    {a.userName ?? (
                      <span className="muted">{t('documents.doc.leaderAssigns')}</span>
                    )}
                  </td>
                  <td>
                    {a.taskId ? (
                      <Link to={`/nhiem-vu/${encodeURIComponent(a.taskId)}`}>
                        {t('documents.doc.openTask')}
                      </Link>
                    ) : null}
                  </td>
                  <td>
                    {a.doneAt ? (
                      formatDateTime(a.doneAt)
                    ) : (
                      <span className="muted">{t('documents.doc.notDone')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The content of an outgoing document, its review steps and its downloads. */
export function DraftSection({ doc }: { doc: DocumentDetail }) {
  const t = useT();
  const c = doc.content;
  if (doc.direction !== 'outgoing' || !c) return null;
  const drafting = doc.status !== 'issued' && doc.status !== 'withdrawn';
  const slug = doc.numberSymbol?.replace(/[^\w-]+/g, '-') ?? 'du-thao';
  return (
    <section className="section" aria-labelledby="doc-content-title">
      <h2 id="doc-content-title" className="section__title">
        {t('documents.doc.content')}
      </h2>
      {drafting ? (
        <p className="doc-downloads">
          <span className="muted">{t('documents.doc.draftFiles')}:</span>{' '}
          <DownloadLink href={draftPdfUrl(doc.id)} fileName={`${slug}.pdf`}>
            {t('documents.doc.draftPdf')}
          </DownloadLink>{' '}
          ·{' '}
          <DownloadLink href={draftDocxUrl(doc.id)} fileName={`${slug}.docx`}>
            {t('documents.doc.draftDocx')}
          </DownloadLink>
        </p>
      ) : null}
      <div className="doc-draft">
        <p className="doc-draft__summary">{c.summary}</p>
        {c.paragraphs.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs keep their order.
          <p key={i}>{p}</p>
        ))}
        <p className="doc-draft__signer">
          {c.signer.authority ? (
            <>
              {c.signer.authority}
              <br />
            </>
          ) : null}
          {c.signer.title}
          <br />
          <strong>{c.signer.name}</strong>
        </p>
        {c.recipients.places.length > 0 ? (
          <>
            <p className="doc-draft__places-title">{t('documents.doc.recipients')}:</p>
            <ul className="doc-draft__places">
              {c.recipients.places.map((p) => (
                <li key={p}>{p};</li>
              ))}
              <li>Lưu: VT.</li>
            </ul>
          </>
        ) : null}
      </div>
      {doc.reviewSteps.length > 0 ? (
        <>
          <h3>{t('documents.doc.reviewSteps')}</h3>
          <ol className="doc-steps">
            {doc.reviewSteps.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a flow may name one role twice; steps keep their order.
              <li key={`${s.role}-${i}`} aria-current={doc.reviewStep === i ? 'step' : undefined}>
                {s.label}
                {doc.reviewStep === i ? <strong> {t('documents.doc.reviewCurrent')}</strong> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

/** Files with download links; the edXML package of an issued or received document. */
export function FilesSection({ doc }: { doc: DocumentDetail }) {
  const t = useT();
  const hasPackage =
    doc.status === 'issued' || (doc.direction === 'incoming' && doc.source === 'edxml');
  return (
    <section className="section" aria-labelledby="doc-files-title">
      <h2 id="doc-files-title" className="section__title">
        {t('documents.doc.files')}
      </h2>
      {doc.files.length === 0 ? (
        <p className="muted">
          {doc.confidentiality !== 'normal'
            ? t('documents.doc.noFilesConfidential')
            : t('documents.doc.noFiles')}
        </p>
      ) : (
        <ul className="doc-plain-list doc-files">
          {doc.files.map((f) => (
            <li key={f.id}>
              <a href={documentFileUrl(doc.id, f.id)} download={f.name}>
                {f.name}
              </a>{' '}
              <span className="muted">
                ({fileKindText(t, f.kind)}, {formatSize(f.size)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {hasPackage ? (
        <p>
          <DownloadLink href={edxmlUrl(doc.id)} fileName="goi-tin.edxml">
            {t('documents.doc.edxml')}
          </DownloadLink>
        </p>
      ) : null}
    </section>
  );
}

/** Signatures on the document with their verification. */
export function SignaturesSection({ doc }: { doc: DocumentDetail }) {
  const t = useT();
  if (doc.direction === 'incoming' && doc.signatures.length === 0) return null;
  return (
    <section className="section" aria-labelledby="doc-signatures-title">
      <h2 id="doc-signatures-title" className="section__title">
        {t('documents.doc.signatures')}
      </h2>
      {doc.signatures.length === 0 ? (
        <p className="muted">{t('documents.doc.noSignatures')}</p>
      ) : (
        <SignatureList signatures={doc.signatures} />
      )}
      <p>
        <Link to="/kiem-tra-chu-ky">{t('documents.verifyLink')}</Link>
      </p>
    </section>
  );
}

/** Every step, in order: time, person, what, status change, note. */
export function HistorySection({ doc }: { doc: DocumentDetail }) {
  const t = useT();
  const events = [...doc.events].sort((a, b) => a.seq - b.seq);
  return (
    <section className="section" aria-labelledby="doc-history-title">
      <h2 id="doc-history-title" className="section__title">
        {t('documents.doc.history')}
      </h2>
      {events.length === 0 ? (
        <p className="muted">{t('documents.doc.noHistory')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="visually-hidden">{t('documents.doc.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.history.col.time')}</th>
                <th scope="col">{t('documents.history.col.actor')}</th>
                <th scope="col">{t('documents.history.col.action')}</th>
                <th scope="col">{t('documents.history.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.seq}>
                  <td className="nowrap">{formatDateTime(e.occurredAt)}</td>
                  <td>{e.actorName}</td>
                  <td>
                    {eventText(t, e.action)}
                    {e.fromStatus && e.fromStatus !== e.toStatus ? (
                      <span className="muted doc-history__status">
                        {' '}
                        (
                        {t('documents.history.status', {
                          from: statusText(t, e.fromStatus),
                          to: statusText(t, e.toStatus),
                        })}
                        )
                      </span>
                    ) : null}
                  </td>
                  <td>{e.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
