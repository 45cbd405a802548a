import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BoundaryCandidate,
  bboxAround,
  chooseUnit,
  deepestContaining,
  handlingUnit,
  haversineMeters,
} from './reports.routing.js';

const square = (x0: number, y0: number, x1: number, y1: number): BoundaryCandidate['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

// A province, two districts side by side sharing the border long = 105.5.
const province: BoundaryCandidate = { code: '89', depth: 1, geometry: square(105, 10, 106, 11) };
const west: BoundaryCandidate = { code: '884', depth: 2, geometry: square(105, 10, 105.5, 11) };
const east: BoundaryCandidate = { code: '883', depth: 2, geometry: square(105.5, 10, 106, 11) };

describe('report routing', () => {
  it('routes to the deepest unit containing the point', () => {
    expect(deepestContaining([province, west, east], { lat: 10.5, long: 105.2 })).toBe('884');
    expect(deepestContaining([province, east, west], { lat: 10.5, long: 105.8 })).toBe('883');
    expect(deepestContaining([province], { lat: 10.5, long: 105.8 })).toBe('89');
    expect(deepestContaining([province, west, east], { lat: 12, long: 105.8 })).toBeNull();
  });

  it('a point exactly on a shared border goes to the smallest code, whatever the order', () => {
    const onBorder = { lat: 10.5, long: 105.5 };
    expect(deepestContaining([province, west, east], onBorder)).toBe('883');
    expect(deepestContaining([east, province, west], onBorder)).toBe('883');
    expect(deepestContaining([west, east], onBorder)).toBe('883');
    // Statistics codes compare as numbers: 999 < 30280.
    const a = { ...west, code: '30280' };
    const b = { ...east, code: '999' };
    expect(deepestContaining([a, b], onBorder)).toBe('999');
  });

  it('a multipolygon counts each of its parts', () => {
    const islands: BoundaryCandidate = {
      code: '900',
      depth: 2,
      geometry: {
        type: 'MultiPolygon',
        coordinates: [square(0, 0, 1, 1).coordinates, square(5, 5, 6, 6).coordinates],
      },
    };
    expect(deepestContaining([islands], { lat: 5.5, long: 5.5 })).toBe('900');
    expect(deepestContaining([islands], { lat: 3, long: 3 })).toBeNull();
  });

  it('the citizen’s commune wins inside the routed district, else the point does', () => {
    expect(
      chooseUnit({ routed: '883', picked: '30280', pickedLineage: ['30280', '883', '89'] }),
    ).toBe('30280');
    expect(
      chooseUnit({ routed: '884', picked: '30280', pickedLineage: ['30280', '883', '89'] }),
    ).toBe('884');
    expect(chooseUnit({ routed: null, picked: '30280', pickedLineage: ['30280', '883'] })).toBe(
      '30280',
    );
    expect(chooseUnit({ routed: null, picked: 'XX', pickedLineage: [] })).toBeNull();
    expect(chooseUnit({ routed: null, picked: null, pickedLineage: [] })).toBeNull();
  });

  it('the responsible kind picks the handling unit up the lineage', () => {
    const lineage = [
      { code: '30280', kind: 'commune' },
      { code: '883', kind: 'district' },
      { code: '89', kind: 'province' },
    ];
    expect(handlingUnit(lineage, 'commune')).toBe('30280');
    expect(handlingUnit(lineage, 'district')).toBe('883');
    expect(handlingUnit(lineage.slice(1), 'commune')).toBe('883');
  });

  it('every point within the radius lies in the prefilter box (law)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 8, max: 23, noNaN: true }),
        fc.double({ min: 102, max: 110, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 150, noNaN: true }),
        (lat, long, bearing, dist) => {
          const p = { lat, long };
          // A point `dist` metres away in direction `bearing` (small-distance approximation).
          const dLat = ((dist * Math.cos(bearing)) / 6_371_008.8) * (180 / Math.PI);
          const dLong =
            dLat === 0 && dist === 0
              ? 0
              : (((dist * Math.sin(bearing)) / 6_371_008.8) * (180 / Math.PI)) /
                Math.cos((lat * Math.PI) / 180);
          const q = { lat: lat + dLat, long: long + dLong };
          if (haversineMeters(p, q) > 150) return;
          const b = bboxAround(p, 150);
          expect(q.lat >= b.minLat && q.lat <= b.maxLat).toBe(true);
          expect(q.long >= b.minLong && q.long <= b.maxLong).toBe(true);
        },
      ),
    );
  });

  it('haversine: about 111 km per degree of latitude', () => {
    expect(haversineMeters({ lat: 10, long: 105 }, { lat: 11, long: 105 })).toBeCloseTo(
      111_195,
      -2,
    );
    expect(haversineMeters({ lat: 10.38, long: 105.43 }, { lat: 10.38, long: 105.43 })).toBe(0);
  });
});
