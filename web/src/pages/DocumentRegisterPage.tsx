import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { IncomingForm, roleUnits, useAllUnits, WaitingInbox } from '../modules/documents/index.ts';
import { useAuth } from '../modules/identity/index.ts';

/**
 * /van-ban/vao-so — the clerk's registration desk (văn thư): electronic documents waiting to be
 * registered (edXML packages uploaded here too), and a paper document scanned, read by the OCR,
 * checked and registered; the arrival number is shown large after each.
 */
export function DocumentRegisterPage() {
  const t = useT();
  useDocumentTitle(t('documents.register.title'));
  const { user } = useAuth();
  const { nameOf } = useAllUnits();
  const units = roleUnits(user, ['secretariat']);
  return (
    <div className="page">
      <p className="back-link">
        <Link to="/van-ban">{t('documents.doc.back')}</Link>
      </p>
      <h1 className="page__title">{t('documents.register.title')}</h1>
      {units.length === 0 ? (
        <div className="notice notice--info" role="status">
          <p>{t('error.forbidden')}</p>
          <p>
            <Link to="/van-ban">{t('documents.doc.back')}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">{t('documents.register.intro')}</p>
          <WaitingInbox />
          <div className="section">
            <IncomingForm units={units} nameOf={nameOf} />
          </div>
        </>
      )}
    </div>
  );
}
