import { describe, expect, it } from 'vitest';
import type { CategoryQuestion } from '../api/report.types.ts';
import {
  buildAnswers,
  buildReport,
  canonicalMobile,
  emptyReportDraft,
  reportFieldKey,
  reportLinks,
} from './report-form.ts';

describe('buildReport', () => {
  it('asks for category, description and a location', () => {
    expect(buildReport(emptyReportDraft()).errors).toEqual({
      categoryCode: 'reports.validation.category',
      description: 'reports.validation.description',
      'location.unitCode': 'reports.validation.location',
    });
  });
  it('builds the body from a map point, leaving empty contact fields out', () => {
    const result = buildReport({
      ...emptyReportDraft(),
      categoryCode: 'road',
      description: '  Ổ gà lớn  ',
      point: { lat: 10.1234567, long: 105.7654321 },
      phone: '+84 912 345 678',
      anonymous: true,
    });
    expect(result.body).toEqual({
      categoryCode: 'road',
      description: 'Ổ gà lớn',
      location: { lat: 10.123457, long: 105.765432 },
      contact: { phone: '0912345678' },
      anonymous: true,
    });
  });
  it('accepts a ward with an address instead of a point; checks phone and e-mail', () => {
    const base = { ...emptyReportDraft(), categoryCode: 'waste', description: 'Rác' };
    expect(
      buildReport({ ...base, unitCode: '30280', address: '12 Trần Hưng Đạo' }).body?.location,
    ).toEqual({ unitCode: '30280', address: '12 Trần Hưng Đạo' });
    expect(buildReport({ ...base, unitCode: '30280', phone: '12345', email: 'x@' }).errors).toEqual(
      {
        'contact.phone': 'reports.validation.phone',
        'contact.email': 'validation.email',
      },
    );
  });
});

describe('helpers', () => {
  it('canonicalises mobile numbers', () => {
    expect(canonicalMobile('0912 345 678')).toBe('0912345678');
    expect(canonicalMobile('84912345678')).toBe('0912345678');
    expect(canonicalMobile('0212345678')).toBeNull();
  });
  it('maps server paths to fields', () => {
    expect(reportFieldKey(['location', 'lat'])).toBe('location.point');
    expect(reportFieldKey(['contact', 'phone'])).toBe('contact.phone');
  });
  it('builds the page and follow links', () => {
    expect(reportLinks('https://x.vn', 'PA-1', 'a+b')).toEqual({
      page: 'https://x.vn/phan-anh/PA-1',
      follow: 'https://x.vn/phan-anh/PA-1?token=a%2Bb',
    });
  });
});

describe('buildAnswers', () => {
  const questions: CategoryQuestion[] = [
    {
      code: 'damage',
      variable: true,
      datatype: 'singlevaluelist',
      required: true,
      description: 'Loại hư hỏng',
      datatypeDescription: null,
      values: [{ key: 'pothole', name: 'Ổ gà' }],
    },
    {
      code: 'size_m',
      variable: true,
      datatype: 'number',
      required: false,
      description: 'Kích thước',
      datatypeDescription: null,
      values: [],
    },
    {
      code: 'seen_at',
      variable: true,
      datatype: 'datetime',
      required: false,
      description: 'Thấy lúc',
      datatypeDescription: null,
      values: [],
    },
    {
      code: 'hazards',
      variable: true,
      datatype: 'multivaluelist',
      required: true,
      description: 'Nguy cơ',
      datatypeDescription: null,
      values: [{ key: 'night', name: 'Ban đêm' }],
    },
    {
      code: 'note',
      variable: false,
      datatype: 'string',
      required: false,
      description: 'Chỉ để đọc',
      datatypeDescription: null,
      values: [],
    },
  ];

  it('flags missing required answers and a malformed number, keyed like the server', () => {
    const errors = {};
    expect(buildAnswers(questions, { size_m: 'một mét', hazards: [] }, errors)).toEqual({});
    expect(errors).toEqual({
      'attributes.damage': 'reports.validation.answerRequired',
      'attributes.size_m': 'reports.validation.answerNumber',
      'attributes.hazards': 'reports.validation.answerRequired',
    });
  });

  it('sends the answers given, a decimal comma as a point, a local time with +07:00', () => {
    const errors = {};
    const out = buildAnswers(
      questions,
      { damage: 'pothole', size_m: ' 1,5 ', seen_at: '2026-11-23T18:30', hazards: ['night'] },
      errors,
    );
    expect(errors).toEqual({});
    expect(out).toEqual({
      damage: 'pothole',
      size_m: '1.5',
      seen_at: '2026-11-23T18:30:00+07:00',
      hazards: ['night'],
    });
  });
});
