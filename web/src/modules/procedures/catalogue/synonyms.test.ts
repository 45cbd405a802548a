import { describe, expect, it } from 'vitest';
import { lineOfPath, parseSynonymText, synonymText } from './synonyms.ts';

describe('synonym list text', () => {
  it('reads one group per line, terms separated by commas, and writes it back', () => {
    const list = parseSynonymText(
      'sổ đỏ,  sổ hồng , giấy chứng nhận\n\n  \nGPXD, giấy phép xây dựng,\n',
    );
    expect(list.items).toEqual([
      { terms: ['sổ đỏ', 'sổ hồng', 'giấy chứng nhận'] },
      { terms: ['GPXD', 'giấy phép xây dựng'] },
    ]);
    expect(parseSynonymText(synonymText(list))).toEqual(list);
  });

  it('maps a server problem path to the editor line', () => {
    expect(lineOfPath('body.items.0.terms')).toBe(1);
    expect(lineOfPath('body.items.12.terms.3')).toBe(13);
    expect(lineOfPath('body.items')).toBeNull();
  });
});
