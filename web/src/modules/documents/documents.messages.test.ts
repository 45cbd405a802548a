import {
  CONFIDENTIALITY_LABELS,
  DOCUMENT_STATUS_LABELS,
  HANDLING_ROLE_LABELS,
  INCOMING_SOURCE_LABELS,
  URGENCY_LABELS,
} from '@cqs/shared/documents/index';
import { describe, expect, it } from 'vitest';
import { documentsEn } from './documents.messages.en.ts';
import { documentsVi } from './documents.messages.ts';

const vi = documentsVi as Record<string, string>;

describe('documents messages', () => {
  it('say the shared vocabulary in the same Vietnamese words', () => {
    const pairs: [string, Record<string, string>][] = [
      ['documents.status.', DOCUMENT_STATUS_LABELS],
      ['documents.urgency.', URGENCY_LABELS],
      ['documents.confidentiality.', CONFIDENTIALITY_LABELS],
      ['documents.role.', HANDLING_ROLE_LABELS],
      ['documents.source.', INCOMING_SOURCE_LABELS],
    ];
    for (const [prefix, labels] of pairs)
      for (const [code, label] of Object.entries(labels))
        expect(vi[`${prefix}${code}`]).toBe(label);
  });

  it('have an English twin for every key, with the same placeholders', () => {
    expect(Object.keys(documentsEn).sort()).toEqual(Object.keys(documentsVi).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(documentsVi))
      expect(holes(documentsEn[key as keyof typeof documentsVi]), key).toEqual(holes(text));
  });
});
