import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  type DocumentDetail,
  documentPath,
  EMPTY_OUTGOING_DRAFT,
  getDocument,
  type OutgoingDraft,
  OutgoingForm,
  roleUnits,
  useAllUnits,
} from '../modules/documents/index.ts';
import { useAuth } from '../modules/identity/index.ts';
import { Loading } from '../ui/Notice.tsx';

const DRAFTERS = ['specialist', 'desk_officer', 'leader', 'secretariat'];

/** The issuing bodies a drafter may write for: their unit and the one directly above it. */
function issuingUnitsOf(
  own: readonly string[],
  parentOf: (code: string) => string | null,
): string[] {
  const out: string[] = [];
  for (const code of own) {
    const parent = parentOf(code);
    for (const c of parent ? [code, parent] : [code]) if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** The form's first state: a reply answers its document from the body that received it. */
function initialDraft(issuing: readonly string[], replyTo: DocumentDetail | null): OutgoingDraft {
  const unit =
    replyTo && issuing.includes(replyTo.unitCode) ? replyTo.unitCode : (issuing[0] ?? '');
  if (!replyTo) return { ...EMPTY_OUTGOING_DRAFT, unitCode: unit };
  return {
    ...EMPTY_OUTGOING_DRAFT,
    unitCode: unit,
    replyToId: replyTo.id,
    summary: replyTo.numberSymbol
      ? `V/v trả lời văn bản số ${replyTo.numberSymbol}${replyTo.issuerName ? ` của ${replyTo.issuerName}` : ''}`
      : '',
    places: replyTo.issuerName ?? '',
  };
}

/**
 * /van-ban/soan-thao (?replyTo=<incoming id>) — drafting an outgoing document (dự thảo): the
 * ND30 fields, the signer, the recipients; a reply starts from the document it answers. On
 * success the new draft opens.
 */
export function DocumentDraftPage() {
  const t = useT();
  useDocumentTitle(t('documents.draft.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const replyToId = params.get('replyTo') ?? '';
  const { user } = useAuth();
  const { units, nameOf, loading } = useAllUnits();
  const reply = useAsync(
    (signal) => (replyToId ? getDocument(replyToId, signal) : Promise.resolve(null)),
    [replyToId],
  );
  const own = roleUnits(user, DRAFTERS);
  const parents = new Map(units.map((u) => [u.code, u.parentCode]));
  const issuing = issuingUnitsOf(own, (code) => parents.get(code) ?? null);
  const replyTo = reply.data ?? null;
  const ready = !loading && (!replyToId || reply.data !== undefined || reply.error);
  return (
    <div className="page">
      <p className="back-link">
        <Link to={replyToId ? documentPath(replyToId) : '/van-ban'}>
          {replyToId ? t('documents.doc.openReplyTo') : t('documents.doc.back')}
        </Link>
      </p>
      <h1 className="page__title">{t('documents.draft.title')}</h1>
      {own.length === 0 ? (
        <div className="notice notice--info" role="status">
          <p>{t('documents.draft.noUnit')}</p>
          <p>
            <Link to="/van-ban">{t('documents.doc.back')}</Link>
          </p>
        </div>
      ) : !ready ? (
        <Loading />
      ) : (
        <>
          <p className="lead">{t('documents.draft.intro')}</p>
          {reply.error ? (
            <p className="notice notice--info" role="status">
              {t('documents.draft.replyToMissing')}
            </p>
          ) : null}
          <OutgoingForm
            key={`${replyTo?.id ?? ''}-${issuing.join(',')}`}
            initial={initialDraft(issuing, replyTo)}
            issuingUnits={issuing}
            replyTo={replyTo}
            units={units}
            nameOf={nameOf}
            onCreated={(doc) => navigate(documentPath(doc.id))}
          />
        </>
      )}
    </div>
  );
}
