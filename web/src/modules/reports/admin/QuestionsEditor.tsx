// The category's extra questions (câu hỏi thêm): asked on the citizen's form and served to
// Open311 clients as the service definition. One fieldset per question; order = list order.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import {
  choicesText,
  isList,
  parseChoices,
  QUESTION_DATATYPES,
  type QuestionDatatype,
  type QuestionSettings,
} from './questions.ts';

interface Props {
  prefix: string;
  questions: QuestionSettings[];
  errors: Record<string, string>;
  onChange: (questions: QuestionSettings[]) => void;
}

const NEW_QUESTION: QuestionSettings = {
  code: '',
  description: '',
  datatype: 'singlevaluelist',
  required: false,
  variable: true,
  datatypeDescription: null,
  values: [],
};

export function QuestionsEditor({ prefix, questions, errors, onChange }: Props) {
  const t = useT();
  // The choices' text is kept as typed (a half-written line must not be rewritten).
  const [texts, setTexts] = useState<string[]>(() => questions.map((q) => choicesText(q.values)));
  const update = (i: number, patch: Partial<QuestionSettings>) =>
    onChange(questions.map((q, k) => (k === i ? { ...q, ...patch } : q)));
  const remove = (i: number) => {
    onChange(questions.filter((_, k) => k !== i));
    setTexts(texts.filter((_, k) => k !== i));
  };
  const move = (i: number, to: number) => {
    const q = [...questions];
    const x = [...texts];
    [q[i], q[to]] = [q[to]!, q[i]!];
    [x[i], x[to]] = [x[to] ?? '', x[i] ?? ''];
    onChange(q);
    setTexts(x);
  };
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('reportsAdmin.question.legend')}</legend>
      <p className="field__hint">{t('reportsAdmin.question.hint')}</p>
      {questions.map((q, i) => {
        const id = (f: string) => `${prefix}-attributes-${i}-${f}`;
        const err = (f: string) => errors[`attributes.${i}.${f}`];
        return (
          <fieldset className="repeat-row repeat-row--field" key={id('row')}>
            <legend className="repeat-row__legend">
              {t('reportsAdmin.question.rowLegend', { n: i + 1 })}
            </legend>
            <TextField
              id={id('description')}
              label={t('reportsAdmin.question.description')}
              value={q.description}
              error={err('description')}
              onChange={(e) => update(i, { description: e.target.value })}
            />
            <TextField
              id={id('code')}
              label={t('reportsAdmin.question.code')}
              hint={t('reportsAdmin.question.codeHint')}
              className="field--code"
              value={q.code}
              error={err('code')}
              autoComplete="off"
              onChange={(e) => update(i, { code: e.target.value.trim() })}
            />
            <SelectField
              id={id('datatype')}
              label={t('reportsAdmin.question.datatype')}
              value={q.datatype}
              error={err('datatype')}
              options={QUESTION_DATATYPES.map((d) => ({
                value: d,
                label: t(`reportsAdmin.question.type.${d}`),
              }))}
              onChange={(e) => update(i, { datatype: e.target.value as QuestionDatatype })}
            />
            {isList(q.datatype) ? (
              <TextAreaField
                id={id('values')}
                label={t('reportsAdmin.question.values')}
                hint={t('reportsAdmin.question.valuesHint')}
                value={texts[i] ?? ''}
                error={err('values') ?? errors[`attributes.${i}.values.0.key`]}
                rows={4}
                onChange={(e) => {
                  setTexts(texts.map((x, k) => (k === i ? e.target.value : x)));
                  update(i, { values: parseChoices(e.target.value) });
                }}
              />
            ) : null}
            <CheckboxField
              id={id('required')}
              label={t('reportsAdmin.question.required')}
              checked={q.required}
              onChange={(e) => update(i, { required: e.target.checked })}
            />
            <div className="button-group button-group--tight">
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
              >
                {t('action.moveUp')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={i === questions.length - 1}
                onClick={() => move(i, i + 1)}
              >
                {t('action.moveDown')}
              </button>
              <button
                type="button"
                className="button button--warning button--small"
                aria-label={t('reportsAdmin.question.removeNamed', { n: i + 1 })}
                onClick={() => remove(i)}
              >
                {t('action.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={questions.length >= 20}
        onClick={() => {
          onChange([...questions, { ...NEW_QUESTION }]);
          setTexts([...texts, '']);
        }}
      >
        {t('reportsAdmin.question.add')}
      </button>
    </fieldset>
  );
}
