// The symbol and heading rules of outgoing documents (ND30 Phụ lục I and III).
import { describe, expect, it } from 'vitest';
import { bodyAbbreviation, headingOf, placeOf, symbolOf } from './documents.layout.js';

const ward = { name: 'UBND phường Mỹ Bình', kind: 'commune' };
const city = { name: 'UBND thành phố Long Xuyên', kind: 'district' };
const dept = { name: 'Phòng Văn hóa và Thông tin', kind: 'agency' };
const office = { name: 'Văn phòng HĐND và UBND', kind: 'agency' };

describe('document symbols and headings', () => {
  it('abbreviates bodies as clerks write them', () => {
    expect(bodyAbbreviation(ward)).toBe('UBND');
    expect(bodyAbbreviation(dept)).toBe('VHTT');
    expect(bodyAbbreviation(office)).toBe('VP');
    expect(bodyAbbreviation({ name: 'Phòng Tài chính – Kế hoạch', kind: 'agency' })).toBe('TCKH');
    expect(bodyAbbreviation({ name: 'Phòng Quản lý đô thị', kind: 'agency' })).toBe('QLĐT');
  });
  it('writes the symbol by type; a công văn names the drafting unit instead', () => {
    expect(symbolOf('KH', ward, ward)).toBe('KH-UBND');
    expect(symbolOf('QĐ', city, dept)).toBe('QĐ-UBND');
    expect(symbolOf('CV', city, dept)).toBe('UBND-VHTT');
    expect(symbolOf('CV', ward, ward)).toBe('UBND');
  });
  it('heads a People’s Committee by itself and a department under its parent', () => {
    expect(headingOf(ward, city)).toEqual({ issuingBody: 'ỦY BAN NHÂN DÂN PHƯỜNG MỸ BÌNH' });
    expect(headingOf(dept, city)).toEqual({
      parentBody: 'UBND THÀNH PHỐ LONG XUYÊN',
      issuingBody: 'PHÒNG VĂN HÓA VÀ THÔNG TIN',
    });
    expect(placeOf(ward)).toBe('Mỹ Bình');
    expect(placeOf(city)).toBe('Long Xuyên');
  });
});
