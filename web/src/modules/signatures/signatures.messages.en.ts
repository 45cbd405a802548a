// English twin of signatures.messages.ts.
import type { signaturesVi } from './signatures.messages.ts';

export const signaturesEn: Record<keyof typeof signaturesVi, string> = {
  'signatures.nav': 'Signature and seal images',
  'signatures.title': 'Signature and seal images',
  'signatures.intro':
    'The pictures drawn on a document’s digital signatures (Decree 30/2020/NĐ-CP, Appendix I): the signer’s handwritten signature between title and name; the organisation’s seal over about the left third of the signature. Photograph or scan them on white paper: the paper is made transparent and the image cropped to the ink.',
  'signatures.mine.title': 'My signature',
  'signatures.mine.hint':
    'Only you can see this image; others see it only on documents you have signed.',
  'signatures.seal.title': 'Seal of {unit}',
  'signatures.seal.hint':
    'The unit’s office, leaders or administrators can replace the seal image; the unit’s staff can view it.',
  'signatures.none':
    'No image yet: digital signatures will not draw this picture (a demo installation draws a stand-in).',
  'signatures.current': 'Image in use ({width}×{height} px), updated {when} by {by}',
  'signatures.currentAlt.mine': 'Your signature image in use',
  'signatures.currentAlt.seal': 'Seal image of {unit} in use',
  'signatures.file': 'Image file (PNG, JPEG or WebP, up to 5 MB)',
  'signatures.upload': 'Upload image',
  'signatures.replace': 'Replace image',
  'signatures.remove': 'Remove image',
  'signatures.removeConfirm': 'Confirm removal',
  'signatures.removeCancel': 'Keep it',
  'signatures.removeQuestion':
    'Remove this image? Documents already signed keep the image they carry; documents signed later will not have it.',
  'signatures.uploaded': 'The new image is saved.',
  'signatures.removed': 'The image is removed.',
  'signatures.error.required': 'Choose an image file.',
  'signatures.error.type': 'The file must be a PNG, JPEG or WebP image.',
  'signatures.error.size': 'The file is larger than 5 MB; take the photo at a lower resolution.',
  'signatures.noUnits':
    'You are not the office, a leader or an administrator of any unit, so you do not manage seal images.',
};
