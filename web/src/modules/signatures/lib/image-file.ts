// Checks of a chosen image file before it is sent, in the words the page shows; the server
// checks again (and reads the pixels), this only saves a round trip for the obvious cases.
import { SIGNATURE_IMAGE_MAX_BYTES, SIGNATURE_IMAGE_TYPES } from '@cqs/shared/signatures/index';

export type ImageFileProblem = 'required' | 'type' | 'size';

export function imageFileProblem(
  file: { type: string; size: number } | null,
): ImageFileProblem | null {
  if (!file) return 'required';
  if (!(SIGNATURE_IMAGE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > SIGNATURE_IMAGE_MAX_BYTES) return 'size';
  return null;
}
