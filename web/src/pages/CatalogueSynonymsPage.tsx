import { Link } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { SynonymsEditor } from '../modules/procedures/catalogue/SynonymsEditor.tsx';

/** /quan-tri/thu-tuc/tu-dong-nghia — administrators: the public search's synonym list. */
export function CatalogueSynonymsPage() {
  const t = useT();
  useDocumentTitle(t('catalogue.synonyms.title'));
  return (
    <div className="page">
      <p>
        <Link className="back-link" to={PATHS.procedures}>
          {t('procedures.title')}
        </Link>
      </p>
      <h1 className="page__title">{t('catalogue.synonyms.title')}</h1>
      <p className="lead">{t('catalogue.synonyms.intro')}</p>
      <SynonymsEditor />
    </div>
  );
}
