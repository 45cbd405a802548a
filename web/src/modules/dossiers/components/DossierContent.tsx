// Read-only applicant and form data; field titles come from the procedure's form schemas when
// the catalogue entry is at hand, the raw keys otherwise.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { Procedure } from '../../procedures/index.ts';
import type { Applicant, FormData } from '../api/dossier.types.ts';
import { componentFields } from '../lib/form-fields.ts';

function SummaryRows({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="summary-list">
      {rows.map(([label, value]) => (
        <div key={label} className="summary-list__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The applicant, person or organisation. */
export function ApplicantSummary({ applicant }: { applicant: Applicant }) {
  const t = useT();
  const rows: [string, string][] =
    applicant.type === 'organization'
      ? [
          [t('dossiers.receipt.orgName'), applicant.name],
          [t('dossiers.receipt.taxCode'), applicant.taxCode],
          [t('dossiers.receipt.representative'), applicant.representative],
        ]
      : [
          [t('dossiers.receipt.fullName'), applicant.fullName],
          [t('dossiers.receipt.citizenId'), applicant.citizenId],
          [t('dossiers.receipt.dateOfBirth'), formatDate(applicant.dateOfBirth)],
        ];
  rows.push([t('dossiers.receipt.phone'), applicant.phone]);
  if (applicant.email) rows.push([t('dossiers.receipt.email'), applicant.email]);
  rows.push([t('dossiers.receipt.address'), applicant.address?.line ?? '']);
  return <SummaryRows rows={rows} />;
}

/** Every filled-in form, one block per component. */
export function FormDataSummary({
  formData,
  procedure,
}: {
  formData: FormData;
  procedure: Procedure | null | undefined;
}) {
  const t = useT();
  const keys = Object.keys(formData ?? {});
  if (!keys.length) return <p className="muted">{t('dossiers.detail.noFormData')}</p>;
  const show = (value: unknown, kind?: string): string => {
    if (typeof value === 'boolean') return value ? t('dossiers.yes') : t('dossiers.no');
    if (kind === 'date' && typeof value === 'string') return formatDate(value) || value;
    return String(value ?? '');
  };
  return (
    <>
      {keys.map((key) => {
        const component = procedure?.components.find((c) => c.key === key);
        const fields = componentFields(component?.formSchema);
        const values = formData[key] ?? {};
        const rows: [string, string][] = Object.entries(values).map(([field, value]) => {
          const def = fields.find((f) => f.key === field);
          return [def?.title ?? field, show(value, def?.kind)];
        });
        return (
          <div key={key}>
            <h3 className="fieldset__legend">{component?.name ?? key}</h3>
            <SummaryRows rows={rows} />
          </div>
        );
      })}
    </>
  );
}
