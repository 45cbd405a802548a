// The signature file a local signing app writes for a token signing (a detached CMS / PKCS#7):
// DER bytes (.p7s), PEM ("-----BEGIN PKCS7-----" or "CMS"), or the bare base64 text some apps
// copy to the clipboard. The API takes base64 of the DER.
import { toBase64 } from './files.ts';

const BASE64_TEXT = /^[A-Za-z0-9+/\r\n]+={0,2}\s*$/;

/** The CMS as base64 of its DER bytes, or null when the bytes are none of the three forms. */
export function cmsBase64(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  // DER: a SEQUENCE (0x30) with a long length.
  if (bytes[0] === 0x30) return toBase64(bytes);
  const text = new TextDecoder('latin1').decode(bytes).trim();
  const pem = /-----BEGIN [A-Z0-9 ]+-----([\s\S]+?)-----END [A-Z0-9 ]+-----/.exec(text);
  const body = (pem ? pem[1]! : text).replace(/\s+/g, '');
  if (!BASE64_TEXT.test(body) || body.length < 16) return null;
  return body;
}
