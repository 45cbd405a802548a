import { describe, expect, it } from 'vitest';
import { readOpen311Form } from './open311.form.js';

describe('reading a GeoReport v2 form body', () => {
  it('separates fields from attribute[code] and attribute[code][] answers', () => {
    const body = {
      api_key: 'k',
      service_code: 'road',
      'attribute[damage]': 'pothole',
      'attribute[hazards][]': ['traffic', 'night'],
      'attribute[one][]': 'only',
      'attribute[]': 'no code',
      description: ['first', 'second'],
    };
    expect(readOpen311Form(body)).toEqual({
      fields: { api_key: 'k', service_code: 'road', description: 'first' },
      attributes: { damage: 'pothole', hazards: ['traffic', 'night'], one: ['only'] },
    });
  });

  it('a code repeated without [] becomes a list; both forms merge', () => {
    expect(
      readOpen311Form({ 'attribute[a]': ['1', '2'], 'attribute[b]': 'x', 'attribute[b][]': 'y' })
        .attributes,
    ).toEqual({ a: ['1', '2'], b: ['x', 'y'] });
  });

  it('reads a JSON body with an attribute object the same way', () => {
    expect(
      readOpen311Form({
        service_code: 'road',
        lat: 10.5,
        attribute: { damage: 'pothole', h: ['a'] },
      }),
    ).toEqual({
      fields: { service_code: 'road', lat: '10.5' },
      attributes: { damage: 'pothole', h: ['a'] },
    });
  });

  it('an empty or non-object body has nothing', () => {
    for (const body of [undefined, null, 'x', ['a']])
      expect(readOpen311Form(body)).toEqual({ fields: {}, attributes: {} });
  });
});
