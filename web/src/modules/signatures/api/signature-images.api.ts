// Typed client of the signature-image API (server/src/modules/signatures/signatures.routes.ts).
import type { SignatureImagesReply } from '@cqs/shared/signatures/index';
import { apiRequest } from '../../../api/client.ts';

const BASE = '/api/v1/signature-images';
const unitPath = (code: string) => `${BASE}/units/${encodeURIComponent(code)}`;

/** GET /signature-images — my signature image and the seals of the units I keep. */
export function getSignatureImages(signal?: AbortSignal): Promise<SignatureImagesReply> {
  return apiRequest<SignatureImagesReply>(BASE, { signal });
}

/** Where the stored image is shown from; `version` (its update time) defeats the browser cache. */
export function myImageUrl(version: string | null): string {
  return `${BASE}/me/image.png${version ? `?v=${encodeURIComponent(version)}` : ''}`;
}
export function sealImageUrl(unitCode: string, version: string | null): string {
  return `${unitPath(unitCode)}/image.png${version ? `?v=${encodeURIComponent(version)}` : ''}`;
}

/** PUT the image file as the raw body; the server makes the paper transparent and crops. */
export function uploadMyImage(file: Blob): Promise<SignatureImagesReply> {
  return apiRequest<SignatureImagesReply>(`${BASE}/me`, { method: 'PUT', raw: file });
}
export function removeMyImage(): Promise<SignatureImagesReply> {
  return apiRequest<SignatureImagesReply>(`${BASE}/me`, { method: 'DELETE' });
}
export function uploadSealImage(unitCode: string, file: Blob): Promise<SignatureImagesReply> {
  return apiRequest<SignatureImagesReply>(unitPath(unitCode), { method: 'PUT', raw: file });
}
export function removeSealImage(unitCode: string): Promise<SignatureImagesReply> {
  return apiRequest<SignatureImagesReply>(unitPath(unitCode), { method: 'DELETE' });
}
