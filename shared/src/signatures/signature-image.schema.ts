// Signature and seal images (mẫu chữ ký, hình ảnh con dấu; issue 13 deliver 3): the picture a
// visible digital signature draws — the signer's handwritten signature between title and name,
// the organisation's red seal over its left third (Nghị định 30/2020/NĐ-CP Phụ lục I, "hình ảnh
// chữ ký số"). Each person uploads their own signature; the office (văn thư, who keeps the
// seal — ND30 Điều 32–33) or a leader or administrator of the unit uploads the unit's seal.
// Shared by the server and the web.
import { z } from 'zod';

/** The largest upload accepted (a phone photo of a signature on paper fits easily). */
export const SIGNATURE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Formats accepted as the upload's Content-Type; every image is stored as a transparent PNG. */
export const SIGNATURE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export const SignatureImageInfo = z
  .object({
    present: z.boolean(),
    /** Pixel size of the stored (trimmed, transparent) PNG. */
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    updatedAt: z.string().nullable(),
    updatedByName: z.string().nullable(),
  })
  .meta({ id: 'SignatureImageInfo' });
export type SignatureImageInfo = z.infer<typeof SignatureImageInfo>;

export const UnitSealImage = SignatureImageInfo.extend({
  unitCode: z.string(),
  unitName: z.string(),
  /** True when the caller may replace or remove it. */
  editable: z.boolean(),
}).meta({ id: 'UnitSealImage' });
export type UnitSealImage = z.infer<typeof UnitSealImage>;

/** GET /signature-images: the caller's own signature, and the seals of the units they manage. */
export const SignatureImagesReply = z
  .object({
    me: SignatureImageInfo,
    units: z.array(UnitSealImage),
  })
  .meta({ id: 'SignatureImagesReply' });
export type SignatureImagesReply = z.infer<typeof SignatureImagesReply>;

export const UnitSealParams = z.object({
  unitCode: z.string().trim().min(1).max(40),
});
