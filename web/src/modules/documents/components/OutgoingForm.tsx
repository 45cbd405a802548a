// The drafting form of an outgoing document (soạn thảo văn bản đi, CreateOutgoingBody): the
// issuing body, type, urgency, the content, attachments; a reply keeps the link to what it
// answers. Checked with the shared schema first; the server's field problems land on the
// same fields; on success the caller opens the new draft.
import { DOCUMENT_TYPES, URGENCIES } from '@cqs/shared/documents/index';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import type { Unit } from '../../org/index.ts';
import type { DocumentDetail } from '../api/document.types.ts';
import { createOutgoing } from '../api/documents.api.ts';
import { inlineFile, oversized } from '../lib/files.ts';
import { type FormErrors, fieldKeyOf } from '../lib/form-checks.ts';
import { urgencyText } from '../lib/labels.ts';
import { type OutgoingDraft, outgoingBody } from '../lib/outgoing-form.ts';
import { documentPath } from './DocumentTable.tsx';
import { DraftContentFields } from './DraftContentFields.tsx';
import { FileListField } from './FileListField.tsx';

const PREFIX = 'outgoing';

export function OutgoingForm({
  initial,
  issuingUnits,
  replyTo,
  units,
  nameOf,
  onCreated,
}: {
  initial: OutgoingDraft;
  /** The bodies the drafter may draft for (their unit, the one above it). */
  issuingUnits: readonly string[];
  /** The incoming document answered, when there is one. */
  replyTo: DocumentDetail | null;
  units: readonly Unit[];
  nameOf: (code: string) => string;
  onCreated: (doc: DocumentDetail) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<OutgoingDraft>(initial);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<OutgoingDraft>) => setDraft((d) => ({ ...d, ...p }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const big = oversized(files);
    if (big.length > 0) {
      const fields = { files: t('documents.form.tooLarge', { names: big.join(', ') }) };
      setErrors(fields);
      setSummary(summaryItems(fields, PREFIX));
      return;
    }
    setBusy(true);
    try {
      const checked = outgoingBody(draft, await Promise.all(files.map(inlineFile)), nameOf);
      if (!checked.ok) {
        setErrors(checked.errors);
        setSummary(summaryItems(checked.errors, PREFIX));
        return;
      }
      setErrors({});
      setSummary([]);
      onCreated(await createOutgoing(checked.value));
    } catch (err) {
      const result = serverErrors(err, PREFIX, t, fieldKeyOf);
      setErrors(result.fields);
      setSummary(result.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="doc-form" onSubmit={onSubmit} noValidate aria-labelledby="outgoing-title">
      <h2 id="outgoing-title" className="visually-hidden">
        {t('documents.draft.title')}
      </h2>
      <ErrorSummary items={summary} />
      {replyTo && draft.replyToId ? (
        <div className="notice notice--info" id={`${PREFIX}-replyToId`}>
          <p>
            <strong>{t('documents.draft.replyTo')}:</strong>{' '}
            <Link to={documentPath(replyTo.id)}>
              {replyTo.numberSymbol ? `${replyTo.numberSymbol} — ` : ''}
              {replyTo.summary}
            </Link>
            {replyTo.issuerName ? ` (${replyTo.issuerName})` : ''}
          </p>
          <button
            type="button"
            className="button button--link button--small"
            onClick={() => patch({ replyToId: '' })}
          >
            {t('documents.draft.replyToRemove')}
          </button>
        </div>
      ) : null}
      <div className="grid grid--2">
        <SelectField
          id={`${PREFIX}-unitCode`}
          label={t('documents.draft.unit')}
          hint={t('documents.draft.unitHint')}
          value={draft.unitCode}
          error={errors.unitCode}
          // Another body has other leaders: the signing account is picked again.
          onChange={(e) => patch({ unitCode: e.target.value, signerUserId: '' })}
          options={issuingUnits.map((code) => ({
            value: code,
            label: `${nameOf(code)} (${code})`,
          }))}
        />
        <SelectField
          id={`${PREFIX}-typeCode`}
          label={t('documents.draft.type')}
          value={draft.typeCode}
          error={errors.typeCode}
          onChange={(e) => patch({ typeCode: e.target.value })}
          options={DOCUMENT_TYPES.map((type) => ({ value: type.code, label: type.name }))}
        />
        <SelectField
          id={`${PREFIX}-urgency`}
          label={t('documents.draft.urgency')}
          value={draft.urgency}
          error={errors.urgency}
          onChange={(e) => patch({ urgency: e.target.value })}
          options={URGENCIES.map((u) => ({ value: u, label: urgencyText(t, u) }))}
        />
        <TextField
          id={`${PREFIX}-deadline`}
          label={t('documents.draft.deadline')}
          hint={t('hint.dateFormat')}
          value={draft.deadline}
          error={errors.deadline}
          onChange={(e) => patch({ deadline: e.target.value })}
        />
      </div>
      <DraftContentFields
        prefix={PREFIX}
        draft={draft}
        onChange={patch}
        errors={errors}
        issuingUnit={draft.unitCode}
        units={units}
      />
      <FileListField
        id={`${PREFIX}-files`}
        label={t('documents.draft.files')}
        hint={t('documents.form.filesHint')}
        files={files}
        onChange={setFiles}
        error={errors.files}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('status.saving') : t('documents.draft.submit')}
      </button>
    </form>
  );
}
