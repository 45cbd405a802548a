// Turning an upload into the image a signature draws: a transparent PNG, cropped to the ink.
// Officers photograph or scan their signature on white paper and the office scans the seal's
// imprint, so a white or grey paper ground is made transparent (otherwise the seal would cover
// the signature with a white square, and ND30 Phụ lục I wants the seal over the signature's
// left third, both visible). Images that already carry transparency are kept as drawn.
import sharp from 'sharp';
import { ValidationError } from '../../platform/errors.js';

/** Longest side of the stored image: 800 px is ~560 dpi over a 36 mm seal, plenty for print. */
const MAX_SIDE = 800;
/** Below this the image would print as a blur at 36 mm. */
const MIN_SIDE = 40;
/** Luminance (0–255) from which a pixel counts as paper, and below which it is fully ink. */
const PAPER = 225;
const INK = 165;

export interface NormalisedImage {
  png: Buffer;
  width: number;
  height: number;
}

const invalid = () =>
  new ValidationError(
    'Tệp tải lên không phải ảnh PNG, JPEG hoặc WebP đọc được.',
    [],
    'signature_image_invalid',
  );

/** Reads, orients, makes the paper transparent, crops to the ink and bounds the size. */
export async function normaliseSignatureImage(bytes: Buffer): Promise<NormalisedImage> {
  let raw: { data: Buffer; info: { width: number; height: number } };
  try {
    // Orientation from EXIF (phone photos), then a first bound so a 48-megapixel photo is cheap.
    raw = await sharp(bytes, { limitInputPixels: 60_000_000, failOn: 'error' })
      .rotate()
      .resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw invalid();
  }
  const { data, info } = raw;
  const { width, height } = info;
  const px = width * height;
  let transparent = 0;
  for (let i = 3; i < data.length; i += 4) if (data.readUInt8(i) < 250) transparent++;
  // An image with a transparent ground of its own (more than a few stray pixels) is kept;
  // otherwise the light paper becomes transparent, with a soft edge between paper and ink.
  if (transparent < px * 0.01) {
    for (let i = 0; i < data.length; i += 4) {
      const lum =
        0.299 * data.readUInt8(i) + 0.587 * data.readUInt8(i + 1) + 0.114 * data.readUInt8(i + 2);
      const a =
        lum >= PAPER ? 0 : lum <= INK ? 255 : Math.round(((PAPER - lum) * 255) / (PAPER - INK));
      data.writeUInt8(Math.min(data.readUInt8(i + 3), a), i + 3);
    }
  }
  // The ink's bounding box (alpha above a faint threshold, so specks of paper texture do not count).
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (data.readUInt8((y * width + x) * 4 + 3) > 40) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
  if (right < 0)
    throw new ValidationError(
      'Ảnh không có nét chữ ký hoặc hình con dấu (toàn nền trắng hoặc trong suốt). Hãy chụp hoặc quét lại trên nền giấy trắng.',
      [],
      'signature_image_blank',
    );
  const w = right - left + 1;
  const h = bottom - top + 1;
  if (w < MIN_SIDE && h < MIN_SIDE)
    throw new ValidationError(
      `Ảnh quá nhỏ (${w}×${h} điểm ảnh sau khi cắt nền); cần ít nhất ${MIN_SIDE} điểm ảnh mỗi chiều để in rõ.`,
      [],
      'signature_image_too_small',
    );
  const out = await sharp(data, { raw: { width, height, channels: 4 } })
    .extract({ left, top, width: w, height: h })
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .png({ compressionLevel: 9 })
    .toBuffer({ resolveWithObject: true });
  return { png: out.data, width: out.info.width, height: out.info.height };
}
