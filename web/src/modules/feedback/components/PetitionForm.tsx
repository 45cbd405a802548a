// "Gửi kiến nghị": a petition about the dossier, at any status; routed to the handling unit.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { type Proof, sendPetition } from '../api/feedback.api.ts';

/** Server field paths → the ids of this form's fields. */
const TARGETS: Record<string, string> = {
  'body.content': 'petition-content',
  'body.contact.email': 'petition-email',
};

export function PetitionForm({
  code,
  proof,
  onSent,
}: {
  code: string;
  proof: Proof;
  onSent: () => void;
}) {
  const t = useT();
  const [content, setContent] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ number: string; dueAt: string } | null>(null);
  const fieldError = (id: string) => errors.find((e) => e.targetId === id)?.message;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!content.trim()) {
      setErrors([
        { message: t('feedback.petition.contentRequired'), targetId: 'petition-content' },
      ]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const r = await sendPetition(code, proof, content.trim(), email);
      setSent(r);
      setContent('');
      setEmail('');
      onSent();
    } catch (err) {
      setErrors(
        err instanceof ApiError && err.errors.length
          ? err.errors.map((p) => ({ message: p.message, targetId: TARGETS[p.path] }))
          : [{ message: errorText(err, t) }],
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="fb-section" aria-labelledby="petition-title">
      <h3 id="petition-title">{t('feedback.petition.title')}</h3>
      <p>{t('feedback.petition.intro')}</p>
      {sent ? (
        <Notice>
          {t('feedback.petition.sent', { number: sent.number, due: formatDateTime(sent.dueAt) })}
        </Notice>
      ) : null}
      <ErrorSummary items={errors} />
      <form onSubmit={submit} noValidate>
        <TextAreaField
          id="petition-content"
          label={t('feedback.petition.content')}
          hint={t('feedback.petition.contentHint')}
          error={fieldError('petition-content')}
          maxLength={4000}
          rows={5}
          value={content}
          onChange={(e) => setContent(e.target.value)}
        />
        <TextField
          id="petition-email"
          type="email"
          label={t('feedback.petition.email')}
          hint={proof.phone ? t('feedback.petition.emailHint') : undefined}
          error={fieldError('petition-email')}
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('feedback.petition.submit')}
        </button>
      </form>
    </section>
  );
}
