// Public surface of the signatures module (signature and seal images) for the pages.
import './signatures.css';

export {
  getSignatureImages,
  myImageUrl,
  removeMyImage,
  removeSealImage,
  sealImageUrl,
  uploadMyImage,
  uploadSealImage,
} from './api/signature-images.api.ts';
export { ImageCard } from './components/ImageCard.tsx';
