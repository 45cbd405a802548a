import { describe, expect, it } from 'vitest';
import { boundsOf, formatDistance, locatedPoints, positionsOf, roundPoint } from './geo.ts';

const square = {
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [105.4, 10.3],
        [105.5, 10.3],
        [105.5, 10.4],
        [105.4, 10.4],
        [105.4, 10.3],
      ],
    ],
  },
};

describe('positionsOf', () => {
  it('walks features, collections and multipolygons', () => {
    const multi = {
      type: 'FeatureCollection',
      features: [
        square,
        {
          type: 'Feature',
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [106, 11],
                  [106.1, 11],
                  [106, 11.1],
                  [106, 11],
                ],
              ],
            ],
          },
        },
      ],
    };
    expect(positionsOf(multi)).toHaveLength(9);
    expect(positionsOf({ type: 'Feature', geometry: null })).toEqual([]);
  });
});

describe('boundsOf', () => {
  it('frames boundaries (GeoJSON is long, lat) and points together', () => {
    expect(boundsOf([square])).toEqual([
      [10.3, 105.4],
      [10.4, 105.5],
    ]);
    expect(boundsOf([square], [{ lat: 10.5, long: 105.3 }])).toEqual([
      [10.3, 105.3],
      [10.5, 105.5],
    ]);
  });
  it('is null with nothing to frame and ignores impossible points', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([null], [{ lat: 95, long: 0 }])).toBeNull();
  });
});

describe('points', () => {
  it('keeps located items only', () => {
    const items = [
      { code: 'a', lat: 10, long: 105 },
      { code: 'b', lat: null, long: null },
    ];
    expect(locatedPoints(items, (i) => i).map((i) => i.code)).toEqual(['a']);
  });
  it('rounds to 6 decimals and formats distances', () => {
    expect(roundPoint({ lat: 10.123456789, long: 105.987654321 })).toEqual({
      lat: 10.123457,
      long: 105.987654,
    });
    expect(formatDistance(87.4)).toBe('87 m');
    expect(formatDistance(1234)).toBe('1,2 km');
  });
});
