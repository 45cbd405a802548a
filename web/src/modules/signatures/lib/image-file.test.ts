import { describe, expect, it } from 'vitest';
import { imageFileProblem } from './image-file.ts';

describe('imageFileProblem', () => {
  it('accepts PNG, JPEG and WebP up to 5 MB', () => {
    expect(imageFileProblem({ type: 'image/png', size: 10 })).toBeNull();
    expect(imageFileProblem({ type: 'image/jpeg', size: 5 * 1024 * 1024 })).toBeNull();
    expect(imageFileProblem({ type: 'image/webp', size: 1 })).toBeNull();
  });
  it('names what is wrong', () => {
    expect(imageFileProblem(null)).toBe('required');
    expect(imageFileProblem({ type: 'application/pdf', size: 10 })).toBe('type');
    expect(imageFileProblem({ type: '', size: 10 })).toBe('type');
    expect(imageFileProblem({ type: 'image/png', size: 5 * 1024 * 1024 + 1 })).toBe('size');
  });
});
