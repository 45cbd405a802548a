// The procedure's processing steps with their own deadlines (issue 3 §3): what should be
// done by when, so a specialist sees a late step before the dossier itself is late.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { Dossier } from '../api/dossier.types.ts';

/** A compact table of steps: order, name, deadline. */
export function DossierSteps({ dossier }: { dossier: Dossier }) {
  const t = useT();
  const steps = dossier.steps ?? [];
  if (steps.length === 0) return <p>{t('dossiers.steps.none')}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('dossiers.steps.order')}</th>
          <th scope="col">{t('dossiers.steps.name')}</th>
          <th scope="col">{t('dossiers.steps.due')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.order}>
            <td>{s.order}</td>
            <td>{s.name}</td>
            <td>{formatDateTime(s.dueAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
