import { Link, useParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { todayVn } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  DirectionSection,
  DocumentActions,
  DocumentFacts,
  DocumentHeadline,
  DraftSection,
  FilesSection,
  getDocument,
  HistorySection,
  roleUnits,
  SignaturesSection,
  typeName,
  useAllUnits,
  VersionCompare,
  WorkFilesSection,
} from '../modules/documents/index.ts';
import { useAuth } from '../modules/identity/index.ts';
import { ButtonLink } from '../ui/ButtonLink.tsx';
import { LoadError, Loading } from '../ui/Notice.tsx';

const DRAFTERS = ['specialist', 'desk_officer', 'leader', 'secretariat'];
/** Statuses of an incoming document that may be answered. */
const ANSWERABLE = new Set(['registered', 'proposed', 'directed', 'in_progress', 'done']);

/**
 * /van-ban/:id — one document: number or "Dự thảo", status, badges, deadline; the actions the
 * server allows now; metadata, the leader's direction and assignments, the draft with its ND30
 * downloads, files, signatures with their verification, versions compared, the history.
 */
export function DocumentPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const state = useAsync((signal) => getDocument(id, signal), [id]);
  const { units, nameOf } = useAllUnits();
  const doc = state.data?.id === id ? state.data : undefined;
  useDocumentTitle(doc?.summary ?? t('documents.doc.title'));
  const back = (
    <p className="back-link">
      <Link to="/van-ban">{t('documents.doc.back')}</Link>
    </p>
  );
  if (state.error && !doc)
    return (
      <div className="page">
        {back}
        <h1 className="page__title">{t('documents.doc.title')}</h1>
        <LoadError error={state.error} onRetry={state.reload} />
      </div>
    );
  if (!doc) return <Loading />;
  const mayReply =
    doc.direction === 'incoming' &&
    ANSWERABLE.has(doc.status) &&
    roleUnits(user, DRAFTERS).length > 0;
  return (
    <div className="page">
      {back}
      <p className="muted doc-kind">
        {doc.direction === 'incoming' ? t('documents.doc.incoming') : t('documents.doc.outgoing')} ·{' '}
        {typeName(doc.typeCode)}
      </p>
      <h1 className="page__title">{doc.summary}</h1>
      <DocumentHeadline doc={doc} today={todayVn()} />
      {mayReply ? (
        <p>
          <ButtonLink
            to={`/van-ban/soan-thao?replyTo=${encodeURIComponent(doc.id)}`}
            className="button--secondary"
          >
            {t('documents.doc.reply')}
          </ButtonLink>
        </p>
      ) : null}
      <DocumentActions
        doc={doc}
        units={units}
        nameOf={nameOf}
        onChanged={state.setData}
        onConflict={state.reload}
      />
      <DocumentFacts doc={doc} nameOf={nameOf} />
      <DirectionSection doc={doc} />
      <DraftSection doc={doc} />
      <FilesSection doc={doc} />
      <WorkFilesSection doc={doc} onChanged={state.reload} />
      <SignaturesSection doc={doc} />
      {doc.direction === 'outgoing' && doc.versions.length > 0 ? (
        <VersionCompare key={doc.versions.length} doc={doc} />
      ) : null}
      <HistorySection doc={doc} />
    </div>
  );
}
