// Registration of a paper incoming document (vào sổ văn bản đến, RegisterIncomingBody): the
// scan goes to the OCR first and its proposals fill the form, marked "kiểm tra lại" until the
// clerk touches them; a confidential document is registered without files (ND30 Điều 21).
// Checked with the shared schema before sending, errors summarised at the top; on success the
// arrival number is shown large with a link to the document.
import { CONFIDENTIALITIES, DOCUMENT_TYPES, URGENCIES } from '@cqs/shared/documents/index';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import type { OcrAnswer } from '../api/document.types.ts';
import { registerIncoming } from '../api/documents.api.ts';
import { inlineFile, oversized } from '../lib/files.ts';
import { type FormErrors, fieldKeyOf } from '../lib/form-checks.ts';
import {
  applyProposals,
  EMPTY_INCOMING_DRAFT,
  type IncomingDraft,
  incomingBody,
  isConfidential,
  type ProposedField,
} from '../lib/incoming-form.ts';
import { confidentialityText, urgencyText } from '../lib/labels.ts';
import { FileListField } from './FileListField.tsx';
import { RegisteredPanel } from './RegisteredPanel.tsx';
import { ScanUpload } from './ScanUpload.tsx';

const PREFIX = 'incoming';
const id = (path: string) => `${PREFIX}-${path.replace(/\./g, '-')}`;

export function IncomingForm({
  units,
  nameOf,
}: {
  /** The units where the user keeps the register (secretariat). */
  units: readonly string[];
  nameOf: (code: string) => string;
}) {
  const t = useT();
  const [draft, setDraft] = useState<IncomingDraft>({
    ...EMPTY_INCOMING_DRAFT,
    unitCode: units.length > 1 ? '' : (units[0] ?? ''),
  });
  const [proposed, setProposed] = useState<ReadonlySet<ProposedField>>(new Set());
  const [files, setFiles] = useState<File[]>([]);
  const [ocrText, setOcrText] = useState('');
  const [scanStatus, setScanStatus] = useState<{
    kind: 'success' | 'info' | 'error';
    text: string;
  } | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{
    id: string;
    arrivalNumber: number | null;
    summary: string;
  } | null>(null);
  const confidential = isConfidential(draft);

  const set = (field: keyof IncomingDraft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (proposed.has(field as ProposedField))
      setProposed((p) => new Set([...p].filter((f) => f !== field)));
  };
  const attachScan = (scan: File) =>
    setFiles((list) => (list.includes(scan) ? list : [scan, ...list]));
  const onRecognized = (answer: OcrAnswer, scan: File) => {
    const applied = applyProposals(draft, answer.proposals);
    setDraft(applied.draft);
    setProposed(new Set([...proposed, ...applied.proposed]));
    setOcrText(answer.text);
    attachScan(scan);
    setScanStatus(
      applied.proposed.length > 0
        ? { kind: 'success', text: t('documents.scan.done', { count: applied.proposed.length }) }
        : { kind: 'info', text: t('documents.scan.nothing') },
    );
  };
  const onUnavailable = (message: string, scan: File) => {
    attachScan(scan);
    setScanStatus({ kind: 'info', text: message });
  };
  const reset = () => {
    setDraft({ ...EMPTY_INCOMING_DRAFT, unitCode: units.length > 1 ? '' : (units[0] ?? '') });
    setProposed(new Set());
    setFiles([]);
    setOcrText('');
    setScanStatus(null);
    setErrors({});
    setSummary([]);
    setDone(null);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const big = confidential ? [] : oversized(files);
    if (big.length > 0) {
      const fields = { files: t('documents.form.tooLarge', { names: big.join(', ') }) };
      setErrors(fields);
      setSummary(summaryItems(fields, PREFIX));
      return;
    }
    setBusy(true);
    try {
      const inline = confidential ? [] : await Promise.all(files.map(inlineFile));
      const checked = incomingBody(draft, inline);
      if (!checked.ok) {
        setErrors(checked.errors);
        setSummary(summaryItems(checked.errors, PREFIX));
        return;
      }
      setErrors({});
      setSummary([]);
      const answer = await registerIncoming(checked.value);
      setDone({
        id: answer.id,
        arrivalNumber: answer.arrivalNumber,
        summary: checked.value.summary,
      });
    } catch (err) {
      const result = serverErrors(err, PREFIX, t, fieldKeyOf);
      setErrors(result.fields);
      setSummary(result.summary);
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <RegisteredPanel
        id={done.id}
        arrivalNumber={done.arrivalNumber}
        summary={done.summary}
        onNext={reset}
      />
    );

  /** The hint of a field, with the OCR mark when it was proposed. */
  const hint = (field: ProposedField, own?: string): ReactNode =>
    proposed.has(field) ? (
      <>
        <strong className="doc-proposed__mark">{t('documents.scan.proposed')}</strong>
        {own ? <> {own}</> : null}
      </>
    ) : (
      own
    );
  const mark = (field: ProposedField) => (proposed.has(field) ? 'doc-proposed' : undefined);

  return (
    <>
      <ScanUpload onRecognized={onRecognized} onUnavailable={onUnavailable} status={scanStatus} />
      {ocrText ? (
        <details className="details">
          <summary className="details__summary">{t('documents.scan.text')}</summary>
          <div className="details__body">
            <pre className="doc-ocr-text">{ocrText}</pre>
          </div>
        </details>
      ) : null}
      <form className="doc-form" onSubmit={onSubmit} noValidate aria-labelledby="incoming-title">
        <h2 id="incoming-title" className="section__title">
          {t('documents.form.title')}
        </h2>
        <ErrorSummary items={summary} />
        {units.length > 1 ? (
          <SelectField
            id={id('unitCode')}
            label={t('documents.register.unit')}
            value={draft.unitCode}
            error={errors.unitCode}
            onChange={(e) => set('unitCode', e.target.value)}
            options={[
              { value: '', label: t('form.choose') },
              ...units.map((code) => ({ value: code, label: `${nameOf(code)} (${code})` })),
            ]}
          />
        ) : null}
        <div className="grid grid--2">
          <TextField
            id={id('issuer.name')}
            label={t('documents.form.issuerName')}
            hint={hint('issuerName')}
            className={mark('issuerName')}
            value={draft.issuerName}
            error={errors['issuer.name'] ?? errors.issuer}
            onChange={(e) => set('issuerName', e.target.value)}
          />
          <TextField
            id={id('issuer.organId')}
            label={`${t('documents.form.issuerOrganId')} ${t('form.optional')}`}
            hint={t('documents.form.issuerOrganIdHint')}
            value={draft.issuerOrganId}
            error={errors['issuer.organId']}
            onChange={(e) => set('issuerOrganId', e.target.value)}
          />
        </div>
        <div className="grid grid--2">
          <TextField
            id={id('codeNumber')}
            label={t('documents.form.codeNumber')}
            hint={hint('codeNumber', t('documents.form.codeNumberHint'))}
            className={mark('codeNumber')}
            value={draft.codeNumber}
            error={errors.codeNumber}
            onChange={(e) => set('codeNumber', e.target.value)}
          />
          <TextField
            id={id('codeNotation')}
            label={t('documents.form.codeNotation')}
            hint={hint('codeNotation', t('documents.form.codeNotationHint'))}
            className={mark('codeNotation')}
            value={draft.codeNotation}
            error={errors.codeNotation}
            onChange={(e) => set('codeNotation', e.target.value)}
          />
          <TextField
            id={id('issuedOn')}
            label={t('documents.form.issuedOn')}
            hint={hint('issuedOn', t('hint.dateFormat'))}
            className={mark('issuedOn')}
            value={draft.issuedOn}
            error={errors.issuedOn}
            onChange={(e) => set('issuedOn', e.target.value)}
          />
          <SelectField
            id={id('typeCode')}
            label={t('documents.form.type')}
            hint={hint('typeCode')}
            className={mark('typeCode')}
            value={draft.typeCode}
            error={errors.typeCode}
            onChange={(e) => set('typeCode', e.target.value)}
            options={[
              { value: '', label: t('form.choose') },
              ...DOCUMENT_TYPES.map((type) => ({ value: type.code, label: type.name })),
            ]}
          />
        </div>
        <TextAreaField
          id={id('summary')}
          label={t('documents.form.summary')}
          hint={hint('summary')}
          className={mark('summary')}
          rows={3}
          value={draft.summary}
          error={errors.summary}
          onChange={(e) => set('summary', e.target.value)}
        />
        <div className="grid grid--2">
          <TextField
            id={id('signerName')}
            label={`${t('documents.form.signerName')} ${t('form.optional')}`}
            hint={hint('signerName')}
            className={mark('signerName')}
            value={draft.signerName}
            error={errors.signerName}
            onChange={(e) => set('signerName', e.target.value)}
          />
          <TextField
            id={id('signerPosition')}
            label={`${t('documents.form.signerPosition')} ${t('form.optional')}`}
            value={draft.signerPosition}
            error={errors.signerPosition}
            onChange={(e) => set('signerPosition', e.target.value)}
          />
          <SelectField
            id={id('urgency')}
            label={t('documents.form.urgency')}
            value={draft.urgency}
            error={errors.urgency}
            onChange={(e) => set('urgency', e.target.value)}
            options={URGENCIES.map((u) => ({ value: u, label: urgencyText(t, u) }))}
          />
          <SelectField
            id={id('confidentiality')}
            label={t('documents.form.confidentiality')}
            value={draft.confidentiality}
            error={errors.confidentiality}
            onChange={(e) => set('confidentiality', e.target.value)}
            options={CONFIDENTIALITIES.map((c) => ({ value: c, label: confidentialityText(t, c) }))}
          />
        </div>
        {confidential ? (
          <p className="notice notice--warning" role="alert">
            {t('documents.form.confidentialWarning')}
          </p>
        ) : null}
        <div className="grid grid--2">
          <TextField
            id={id('deadline')}
            label={`${t('documents.form.deadline')} ${t('form.optional')}`}
            hint={t('hint.dateFormat')}
            value={draft.deadline}
            error={errors.deadline}
            onChange={(e) => set('deadline', e.target.value)}
          />
          <TextField
            id={id('note')}
            label={`${t('documents.form.note')} ${t('form.optional')}`}
            value={draft.note}
            error={errors.note}
            onChange={(e) => set('note', e.target.value)}
          />
        </div>
        <FileListField
          id={id('files')}
          label={t('documents.form.files')}
          hint={t('documents.form.filesHint')}
          files={files}
          onChange={setFiles}
          disabled={confidential}
          disabledHint={t('documents.form.filesDisabled')}
          error={errors.files}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('status.saving') : t('documents.form.submit')}
        </button>
      </form>
    </>
  );
}
