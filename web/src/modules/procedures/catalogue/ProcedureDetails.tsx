// The public procedure page's content, in the order of Nghị định 63/2010/NĐ-CP Điều 8 (as
// amended by 92/2017/NĐ-CP): sequence, ways of applying, documents (with the forms to
// print), time limit, fees, result and legal basis, after the name, field and agency.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import { type PublicProcedure, submitPath } from './catalogue.api.ts';
import { durationText, legalBasisItems } from './catalogue.format.ts';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="cat-section" aria-labelledby={id}>
      <h2 id={id} className="section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The prominent "apply online" link, or where to apply when there is no online service. */
export function SubmitOnline({ p }: { p: PublicProcedure }) {
  const t = useT();
  if (p.onlineLevel === 'info')
    return <p className="notice notice--info">{t('catalogue.infoOnly')}</p>;
  return (
    <div className="cat-submit">
      <Link className="button cat-submit__button" to={submitPath(p.code)}>
        {t('catalogue.submitOnline')}
      </Link>
      <p className="cat-submit__hint">
        {t(p.onlineLevel === 'full' ? 'catalogue.submitOnlineHint' : 'catalogue.submitPartialHint')}
      </p>
    </div>
  );
}

export function ProcedureDetails({ p }: { p: PublicProcedure }) {
  const t = useT();
  return (
    <>
      <Section id="cat-summary" title={t('catalogue.summary')}>
        <dl className="summary-list">
          {(
            [
              [t('catalogue.code'), p.code],
              [t('catalogue.field'), p.field],
              [t('catalogue.agency'), p.implementingAgency],
              [t('catalogue.level'), t(`level.${p.level}`)],
              [t('catalogue.onlineLevel'), t(`onlineLevel.${p.onlineLevel}`)],
            ] as const
          ).map(([label, value]) => (
            <div className="summary-list__row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="cat-steps" title={t('catalogue.steps')}>
        <ol className="cat-steps">
          {p.steps.map((s) => (
            <li key={s.order}>
              {s.name}{' '}
              <span className="muted">
                ({t('catalogue.stepDuration', { duration: durationText(t, s.duration) })})
              </span>
            </li>
          ))}
        </ol>
      </Section>

      <Section id="cat-methods" title={t('catalogue.methods')}>
        <ul>
          {p.methods.map((m) => (
            <li key={m}>{t(`catalogue.method.${m}`)}</li>
          ))}
        </ul>
      </Section>

      <Section id="cat-components" title={t('catalogue.components')}>
        <ul className="cat-components">
          {p.components.map((c) => (
            <li key={c.key} className="cat-component">
              <p className="cat-component__name">
                {c.name}{' '}
                <span className={`tag ${c.required ? 'tag--green' : 'tag--grey'}`}>
                  {t(c.required ? 'catalogue.componentRequired' : 'catalogue.componentOptional')}
                </span>
              </p>
              {c.formUrl ? (
                <p>
                  <a href={c.formUrl} download>
                    {t('catalogue.downloadForm')}
                    <span className="visually-hidden">: {c.name}</span>
                  </a>
                </p>
              ) : null}
              {c.attachment.maxFiles > 0 && p.onlineLevel !== 'info' ? (
                <p className="muted">
                  {t('catalogue.attachmentHint', {
                    files: c.attachment.maxFiles,
                    size: String(c.attachment.maxSizeMb).replace('.', ','),
                  })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="cat-time" title={t('catalogue.processingTime')}>
        <p>{durationText(t, p.processingTime)}</p>
      </Section>

      <Section id="cat-fees" title={t('catalogue.fees')}>
        {p.fees.length === 0 ? (
          <p>{t('catalogue.feeNone')}</p>
        ) : (
          <ul>
            {p.fees.map((f) => (
              <li key={f.name}>
                {f.name}:{' '}
                <strong>{f.amount === 0 ? t('catalogue.free') : formatMoney(f.amount)}</strong>
                {f.note ? <span className="muted"> — {f.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="cat-result" title={t('catalogue.result')}>
        <p>{p.result}</p>
      </Section>

      <Section id="cat-legal" title={t('catalogue.legalBasis')}>
        <ul>
          {legalBasisItems(p.legalBasis).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Section>

      <p className="muted">
        {t('catalogue.updatedAt', { date: formatDateTime(p.updatedAt).slice(0, 10) })}
      </p>
    </>
  );
}
