// The VietQR code (NAPAS EMVCo QR, interop.md "Others to follow") a citizen scans in any bank
// app to pay a dossier's fees by transfer: a dynamic QR carrying the payee account, the amount
// and the transfer reference that names the dossier, built with `vietnam-qr-pay`.
import { foldVietnamese } from '@cqs/shared/procedures/fold';
import QRCode from 'qrcode';
import { BanksObject, QRPay } from 'vietnam-qr-pay';

/**
 * EMVCo "Purpose of Transaction" (tag 62, sub-tag 08) holds at most 25 characters, and bank
 * apps drop diacritics and often punctuation from transfer notes: the reference is upper-case
 * ASCII, as long as it may be.
 */
export const PURPOSE_MAX = 25;

/** Banks that take VietQR transfers, from the package's NAPAS list: bin → short and full name. */
export function vietQrBank(bin: string): { bin: string; shortName: string; name: string } | null {
  for (const b of Object.values(BanksObject)) {
    if (b.bin === bin && b.vietQRStatus === 1)
      return { bin: b.bin, shortName: b.shortName, name: b.name };
  }
  return null;
}

/** Every bank that takes VietQR transfers, by short name, for the payee account form. */
export function vietQrBanks(): { bin: string; shortName: string; name: string }[] {
  return Object.values(BanksObject)
    .filter((b) => b.vietQRStatus === 1 && /^\d{6}$/.test(b.bin))
    .map((b) => ({ bin: b.bin, shortName: b.shortName, name: b.name }))
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'vi'));
}

/** ASCII upper-case letters, digits and `.-` only; anything else becomes a space. */
const asciiUpper = (s: string) =>
  foldVietnamese(s)
    .toUpperCase()
    .replace(/[^A-Z0-9.\- ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Letters and digits only: how a code looks after a bank app has stripped its punctuation. */
export const compactCode = (s: string) => asciiUpper(s).replace(/[^A-Z0-9]/g, '');

/**
 * The transfer reference (nội dung chuyển khoản) for a dossier: the longest of
 * "LE PHI HS <code>", "HS <code>", "<code>" that fits the purpose field; a code too long
 * even alone is compacted to its letters and digits (the webhook matches that form too).
 */
export function transferReference(code: string): string {
  const c = asciiUpper(code);
  for (const candidate of [`LE PHI HS ${c}`, `HS ${c}`, c, compactCode(c)]) {
    if (candidate.length <= PURPOSE_MAX) return candidate;
  }
  return compactCode(c).slice(0, PURPOSE_MAX);
}

export interface VietQrInput {
  bankBin: string;
  accountNumber: string;
  amount: number;
  reference: string;
}

/** The VietQR payload (the text inside the QR code), dynamic: with amount and reference. */
export function buildVietQrPayload(input: VietQrInput): string {
  const qr = QRPay.initVietQR({
    bankBin: input.bankBin,
    bankNumber: input.accountNumber,
    amount: String(input.amount),
    purpose: input.reference,
  });
  return qr.build();
}

/** What a bank app reads back from a payload; null if it is not a valid VietQR. */
export function decodeVietQr(
  payload: string,
): { bankBin: string; accountNumber: string; amount: number | null; reference: string } | null {
  const qr = new QRPay(payload);
  if (!qr.isValid || qr.provider.name !== 'VIETQR') return null;
  return {
    bankBin: qr.consumer.bankBin ?? '',
    accountNumber: qr.consumer.bankNumber ?? '',
    amount: qr.amount ? Number(qr.amount) : null,
    reference: qr.additionalData.purpose ?? '',
  };
}

/** The QR code as an SVG data URL, ready for an <img> (medium error correction, for print). */
export async function qrSvgDataUrl(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
