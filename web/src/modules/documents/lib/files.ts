// Files sent inline with a document (base64, InlineFileSchema: at most about 15 MB each).

/** The largest file the API takes inline (15 MB once decoded). */
export const MAX_INLINE_BYTES = 15 * 1024 * 1024;

/** Bytes as base64, in chunks (a 15 MB scan must not overflow the argument list). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** A picked file as the API's inline file. */
export async function inlineFile(
  file: File,
): Promise<{ name: string; contentType: string; data: string }> {
  return {
    name: file.name,
    contentType: file.type || 'application/octet-stream',
    data: toBase64(new Uint8Array(await file.arrayBuffer())),
  };
}

/** The names of files too large to send inline. */
export function oversized(files: readonly { name: string; size: number }[]): string[] {
  return files.filter((f) => f.size > MAX_INLINE_BYTES).map((f) => f.name);
}

/** A size in words: 532 B, 12,5 KB, 3,2 MB (Vietnamese decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toFixed(1).replace('.', ',')} KB`;
  return `${(kb / 1024).toFixed(1).replace('.', ',')} MB`;
}
