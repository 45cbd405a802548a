// The action panel of a document: one button per action the server allows now
// (`allowedActions`), each opening its small form — the leader's direction, the revision of a
// draft, a reason, a comment, or a confirmation (issuing: "Cấp số, đóng dấu số và phát hành").
// Sent with the version the user saw; a 409 version_conflict reloads the document and says so
// instead of overwriting someone's work.
import { DOCUMENT_ACTIONS, DocumentActionBody } from '@cqs/shared/documents/index';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { formatDate } from '../../../lib/format.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField } from '../../../ui/Field.tsx';
import { serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { inSubtrees, type Unit } from '../../org/index.ts';
import type { DocumentActionName, DocumentDetail } from '../api/document.types.ts';
import { postDocumentAction } from '../api/documents.api.ts';
import { listWorkFiles, type WorkFileSummary } from '../api/work-files.api.ts';
import { type DirectDraft, directBody, EMPTY_DIRECT_DRAFT } from '../lib/direct-form.ts';
import { type FormErrors, fieldKeyOf, issueErrors } from '../lib/form-checks.ts';
import { documentsErrorText } from '../lib/labels.ts';
import {
  type ContentDraft,
  contentDraftOf,
  EMPTY_CONTENT_DRAFT,
  reviseBody,
} from '../lib/outgoing-form.ts';
import { DirectFields } from './DirectFields.tsx';
import { DraftContentFields } from './DraftContentFields.tsx';
import { type ShareDraft, ShareFields } from './ShareFields.tsx';
import { TokenSigning } from './TokenSigning.tsx';

const PREFIX = 'action';
/** Actions that move the document on: shown as the main button. */
const FORWARD: ReadonlySet<DocumentActionName> = new Set([
  'register',
  'direct',
  'complete',
  'submit',
  'approve',
  'sign',
  'issue',
]);
/** Actions that send it back. */
const BACK: ReadonlySet<DocumentActionName> = new Set(['return', 'reject']);
/** The text field of each action that has one, and its label. */
const TEXT_FIELD: Partial<
  Record<
    DocumentActionName,
    { field: 'note' | 'reason' | 'comment' | 'text'; label: MessageKey; required: boolean }
  >
> = {
  propose: { field: 'note', label: 'documents.action.proposeNote', required: true },
  complete: { field: 'note', label: 'documents.action.completeNote', required: false },
  return: { field: 'reason', label: 'documents.action.returnReason', required: true },
  submit: { field: 'comment', label: 'documents.action.comment.optional', required: false },
  approve: { field: 'comment', label: 'documents.action.comment.optional', required: false },
  reject: { field: 'comment', label: 'documents.action.rejectComment', required: true },
  comment: { field: 'text', label: 'documents.action.commentText', required: true },
};
/** What a confirmation-only action says before it is done. */
const HINT: Partial<Record<DocumentActionName, MessageKey>> = {
  register: 'documents.action.registerHint',
  start: 'documents.action.startHint',
  submit: 'documents.action.submitHint',
  sign: 'documents.action.signHint',
  issue: 'documents.action.issueHint',
};

/** Server field paths → the form's field keys (content.* of a revision, assignments.*). */
const serverKey = (segments: string[]) => {
  if (segments[0] === 'content') return fieldKeyOf(segments.slice(1));
  if (segments[0] === 'assignments') return 'leadUnitCode';
  if (segments[0] === 'unitCodes' || segments[0] === 'userIds') return 'share';
  return fieldKeyOf(segments);
};

export function DocumentActions({
  doc,
  units,
  nameOf,
  onChanged,
  onConflict,
}: {
  doc: DocumentDetail;
  /** Every current unit, in tree order. */
  units: readonly Unit[];
  nameOf: (code: string) => string;
  onChanged: (doc: DocumentDetail) => void;
  /** Reload the document (someone else changed it). */
  onConflict: () => void;
}) {
  const t = useT();
  const allowed = DOCUMENT_ACTIONS.filter((a) => doc.allowedActions.includes(a));
  const [open, setOpen] = useState<DocumentActionName | null>(null);
  const [text, setText] = useState('');
  const [direct, setDirect] = useState<DirectDraft>(EMPTY_DIRECT_DRAFT);
  const [content, setContent] = useState<ContentDraft>(EMPTY_CONTENT_DRAFT);
  const [share, setShare] = useState<ShareDraft>({ unitCodes: [], people: [] });
  const [errors, setErrors] = useState<FormErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [flash, setFlash] = useState<{ kind: 'success' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Completing: the handler's open work files (hồ sơ công việc), to file the document in one.
  const [workFiles, setWorkFiles] = useState<WorkFileSummary[]>([]);
  const [workFileId, setWorkFileId] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  // The direction is given to units under the document's unit.
  const below = useMemo(() => {
    const inside = inSubtrees(units, [doc.unitCode]);
    return units.filter((u) => inside(u.code));
  }, [units, doc.unitCode]);

  useEffect(() => {
    if (!open) return;
    formRef.current
      ?.querySelector<HTMLElement>('textarea, input, select, button[type="submit"]')
      ?.focus();
  }, [open]);

  const close = () => {
    const was = open;
    setOpen(null);
    if (was) document.querySelector<HTMLElement>(`[data-doc-action="${was}"]`)?.focus();
  };
  const toggle = (action: DocumentActionName) => {
    setFlash(null);
    setErrors({});
    setSummary([]);
    setText('');
    if (action === 'direct')
      setDirect({ ...EMPTY_DIRECT_DRAFT, deadline: formatDate(doc.deadline) });
    if (action === 'revise')
      setContent(doc.content ? contentDraftOf(doc.content) : EMPTY_CONTENT_DRAFT);
    if (action === 'share') setShare({ unitCodes: [], people: [] });
    if (action === 'complete') {
      setWorkFileId('');
      listWorkFiles({ mine: true, status: 'open' }).then(setWorkFiles, () => setWorkFiles([]));
    }
    setOpen((current) => (current === action ? null : action));
  };

  /** The body of the open action, or its field errors. */
  const build = (action: DocumentActionName) => {
    const version = doc.version;
    if (action === 'direct') return directBody(direct, version);
    if (action === 'revise') return reviseBody(content, text, version, nameOf);
    if (action === 'share') {
      if (share.unitCodes.length + share.people.length === 0)
        return { ok: false as const, errors: { share: t('documents.action.shareEmpty') } };
      return {
        ok: true as const,
        value: {
          action,
          version,
          unitCodes: share.unitCodes,
          userIds: share.people.map((p) => p.id),
        },
      };
    }
    const field = TEXT_FIELD[action];
    const candidate = field && (field.required || text.trim()) ? { [field.field]: text } : {};
    const filed = action === 'complete' && workFileId ? { workFileId } : {};
    const parsed = DocumentActionBody.safeParse({ action, version, ...candidate, ...filed });
    if (!parsed.success) return { ok: false as const, errors: issueErrors(parsed.error.issues) };
    return { ok: true as const, value: parsed.data };
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!open || busy) return;
    const built = build(open);
    if (!built.ok) {
      setErrors(built.errors);
      setSummary(summaryItems(built.errors, PREFIX));
      return;
    }
    setBusy(true);
    setErrors({});
    setSummary([]);
    try {
      const updated = await postDocumentAction(doc.id, built.value);
      setFlash({
        kind: 'success',
        text: t('documents.actions.done', { action: t(`documents.action.${open}`) }),
      });
      setOpen(null);
      onChanged(updated);
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.code === 'version_conflict' || error.code === 'action_not_allowed')
      ) {
        setFlash({
          kind: 'info',
          text:
            error.code === 'version_conflict'
              ? t('documents.actions.conflict')
              : documentsErrorText(error, t),
        });
        setOpen(null);
        onConflict();
      } else {
        const result = serverErrors(error, PREFIX, t, serverKey);
        if (Object.keys(result.fields).length === 0)
          result.summary = [{ message: documentsErrorText(error, t) }];
        setErrors(result.fields);
        setSummary(result.summary);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = open ? TEXT_FIELD[open] : undefined;
  const hint = open ? HINT[open] : undefined;
  return (
    <section className="panel doc-actions" aria-labelledby="doc-actions-title">
      <h2 id="doc-actions-title" className="panel__title">
        {t('documents.actions.title')}
      </h2>
      {flash ? <Notice kind={flash.kind}>{flash.text}</Notice> : null}
      {allowed.length === 0 ? <p className="muted">{t('documents.actions.none')}</p> : null}
      <div className="doc-actions__buttons">
        {allowed.map((action) => (
          <button
            key={action}
            type="button"
            data-doc-action={action}
            className={`button button--small ${FORWARD.has(action) ? '' : BACK.has(action) ? 'button--warning' : 'button--secondary'}`}
            aria-expanded={open === action}
            aria-controls={open === action ? `${PREFIX}-form` : undefined}
            onClick={() => toggle(action)}
          >
            {t(`documents.action.${action}`)}
          </button>
        ))}
      </div>
      {allowed.includes('sign') ? (
        <TokenSigning
          doc={doc}
          onSigned={(updated) => {
            setFlash({
              kind: 'success',
              text: t('documents.actions.done', { action: t('documents.action.sign') }),
            });
            setOpen(null);
            onChanged(updated);
          }}
        />
      ) : null}
      {open ? (
        <form
          id={`${PREFIX}-form`}
          ref={formRef}
          className="doc-action-form"
          onSubmit={onSubmit}
          noValidate
          aria-label={
            open === 'issue' ? t('documents.action.issueTitle') : t(`documents.action.${open}`)
          }
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          {open === 'issue' ? <h3>{t('documents.action.issueTitle')}</h3> : null}
          {open === 'direct' ? <h3>{t('documents.direct.title')}</h3> : null}
          <ErrorSummary items={summary} />
          {hint ? <p>{t(hint)}</p> : null}
          {open === 'direct' ? (
            <DirectFields
              prefix={PREFIX}
              draft={direct}
              onChange={(p) => setDirect((d) => ({ ...d, ...p }))}
              errors={errors}
              units={below}
            />
          ) : null}
          {open === 'revise' ? (
            <>
              <DraftContentFields
                prefix={PREFIX}
                draft={content}
                onChange={(p) => setContent((c) => ({ ...c, ...p }))}
                errors={errors}
                issuingUnit={doc.unitCode}
                units={units}
              />
              <TextAreaField
                id={`${PREFIX}-comment`}
                label={`${t('documents.action.reviseComment')} ${t('form.optional')}`}
                rows={2}
                value={text}
                error={errors.comment}
                onChange={(e) => setText(e.target.value)}
              />
            </>
          ) : null}
          {open === 'share' ? (
            <ShareFields
              prefix={PREFIX}
              draft={share}
              onChange={setShare}
              error={errors.share}
              units={units}
            />
          ) : null}
          {field ? (
            <TextAreaField
              id={`${PREFIX}-${field.field}`}
              label={`${t(field.label)}${field.required ? '' : ` ${t('form.optional')}`}`}
              rows={3}
              value={text}
              error={errors[field.field]}
              onChange={(e) => setText(e.target.value)}
            />
          ) : null}
          {open === 'complete' && workFiles.length > 0 ? (
            <SelectField
              id={`${PREFIX}-workFileId`}
              label={`${t('documents.action.completeWorkFile')} ${t('form.optional')}`}
              value={workFileId}
              error={errors.workFileId}
              onChange={(e) => setWorkFileId(e.target.value)}
              options={[
                { value: '', label: t('documents.action.completeNoWorkFile') },
                ...workFiles.map((f) => ({ value: f.id, label: `${f.code} — ${f.title}` })),
              ]}
            />
          ) : null}
          <p className="muted" role="status">
            {busy ? t('documents.actions.busy') : ''}
          </p>
          <div className="button-group">
            <button
              type="submit"
              className={`button${BACK.has(open) ? ' button--warning' : ''}`}
              disabled={busy}
              aria-busy={busy || undefined}
            >
              {open === 'issue'
                ? t('documents.action.issueConfirm')
                : open === 'direct'
                  ? t('documents.direct.submit')
                  : t(`documents.action.${open}`)}
            </button>
            <button type="button" className="button button--link" onClick={close}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
