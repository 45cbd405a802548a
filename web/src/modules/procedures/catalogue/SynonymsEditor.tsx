// Administrators edit the catalogue's search synonyms as lines of comma-separated terms;
// the server checks the list (a term once in the whole list, at least two per group) and
// its problems are shown against their line.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextAreaField } from '../../../ui/Field.tsx';
import { isForbidden, NoPermission } from '../../../ui/NoPermission.tsx';
import { LoadError, Loading, Notice } from '../../../ui/Notice.tsx';
import {
  getSynonyms,
  lineOfPath,
  parseSynonymText,
  saveSynonyms,
  synonymText,
} from './synonyms.ts';

const FIELD_ID = 'catalogue-synonyms';

export function SynonymsEditor() {
  const t = useT();
  const loaded = useAsync(getSynonyms, []);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data) setText(synonymText(loaded.data));
  }, [loaded.data]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setBusy(true);
    try {
      const list = await saveSynonyms(parseSynonymText(text));
      setText(synonymText(list));
      setProblems([]);
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) {
        setProblems(
          err.errors.map((p) => {
            const line = lineOfPath(p.path);
            return line ? t('catalogue.synonyms.line', { line, message: p.message }) : p.message;
          }),
        );
      } else {
        setProblems([errorText(err, t)]);
      }
    } finally {
      setBusy(false);
    }
  };

  if (isForbidden(loaded.error)) return <NoPermission error={loaded.error} />;
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.loading) return <Loading />;
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={problems.map((message) => ({ message, targetId: FIELD_ID }))} />
      {saved ? <Notice>{t('catalogue.synonyms.saved')}</Notice> : null}
      <TextAreaField
        id={FIELD_ID}
        label={t('catalogue.synonyms.field')}
        hint={t('catalogue.synonyms.hint')}
        rows={16}
        value={text}
        error={problems.length > 0 ? t('catalogue.synonyms.fix') : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('status.saving') : t('catalogue.synonyms.save')}
      </button>
    </form>
  );
}
