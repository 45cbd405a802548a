import { useT } from '../i18n/i18n-context.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  getSignatureImages,
  ImageCard,
  myImageUrl,
  removeMyImage,
  removeSealImage,
  sealImageUrl,
  uploadMyImage,
  uploadSealImage,
} from '../modules/signatures/index.ts';
import { LoadError, Loading } from '../ui/Notice.tsx';

/**
 * /van-ban/chu-ky-con-dau — the images a visible digital signature draws: my handwritten
 * signature, and the seal of each unit where I am its office (văn thư), a leader or an
 * administrator (Nghị định 30/2020/NĐ-CP Phụ lục I).
 */
export function SignatureImagesPage() {
  const t = useT();
  useDocumentTitle(t('signatures.title'));
  const state = useAsync((signal) => getSignatureImages(signal), []);
  const data = state.data;
  return (
    <div className="page">
      <h1>{t('signatures.title')}</h1>
      <p>{t('signatures.intro')}</p>
      {state.error ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      {!data && !state.error ? <Loading /> : null}
      {data ? (
        <>
          <ImageCard
            title={t('signatures.mine.title')}
            hint={t('signatures.mine.hint')}
            info={data.me}
            imageUrl={myImageUrl(data.me.updatedAt)}
            imageAlt={t('signatures.currentAlt.mine')}
            editable
            upload={uploadMyImage}
            remove={removeMyImage}
            onChanged={state.setData}
          />
          {data.units.length === 0 ? <p className="muted">{t('signatures.noUnits')}</p> : null}
          {data.units.map((u) => (
            <ImageCard
              key={u.unitCode}
              title={t('signatures.seal.title', { unit: u.unitName })}
              hint={t('signatures.seal.hint')}
              info={u}
              imageUrl={sealImageUrl(u.unitCode, u.updatedAt)}
              imageAlt={t('signatures.currentAlt.seal', { unit: u.unitName })}
              editable={u.editable}
              upload={(file) => uploadSealImage(u.unitCode, file)}
              remove={() => removeSealImage(u.unitCode)}
              onChanged={state.setData}
            />
          ))}
        </>
      ) : null}
    </div>
  );
}
