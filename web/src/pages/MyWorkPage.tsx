import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useAuth } from '../modules/identity/hooks/auth-context.tsx';
import { WorkSection, workSectionsFor } from '../modules/work/index.ts';

/** /viec-cua-toi — "my work": the signed-in officer's queue, deadlines and tasks. */
export function MyWorkPage() {
  const t = useT();
  const { user } = useAuth();
  useDocumentTitle(t('work.title'));
  if (!user) return null;
  const sections = workSectionsFor(user);
  return (
    <div className="page">
      <h1 className="page__title">{t('work.title')}</h1>
      <p className="lead">{t('work.intro')}</p>
      <div className="work-sections">
        {sections.map((key) => (
          <WorkSection key={key} section={key} user={user} />
        ))}
      </div>
    </div>
  );
}
