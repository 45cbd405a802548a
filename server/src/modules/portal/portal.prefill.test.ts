import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyOffer,
  countPrefilled,
  offerPrefill,
  type PrefillComponent,
} from './portal.prefill.js';

const components: PrefillComponent[] = [
  {
    key: 'to_khai',
    formSchema: {
      properties: {
        nguoiYeuCauHoTen: { type: 'string' },
        nguoiYeuCauCccd: { type: 'string' },
        nguoiYeuCauNoiCuTru: { type: 'string' },
        benNamHoTen: { type: 'string' },
        soBan: { type: 'integer' },
      },
    },
  },
  { key: 'giay_to', formSchema: null },
];
const profile = {
  fullName: 'Nguyễn Văn An',
  citizenId: '089201000123',
  dateOfBirth: '1990-05-01',
  phone: '0912345678',
  email: null,
  address: { line: '12 Trần Hưng Đạo, khóm 3', unitCode: '30280' },
};

describe('prefill (cung cấp thông tin một lần)', () => {
  it('offers the profile for the applicant block and the declarant fields of a form', () => {
    const offer = offerPrefill(profile, components, null);
    expect(offer).toEqual({
      'applicant.fullName': 'Nguyễn Văn An',
      'applicant.citizenId': '089201000123',
      'applicant.dateOfBirth': '1990-05-01',
      'applicant.phone': '0912345678',
      'applicant.address.line': '12 Trần Hưng Đạo, khóm 3',
      'formData.to_khai.nguoiYeuCauHoTen': 'Nguyễn Văn An',
      'formData.to_khai.nguoiYeuCauCccd': '089201000123',
      'formData.to_khai.nguoiYeuCauNoiCuTru': '12 Trần Hưng Đạo, khóm 3',
    });
  });

  it('offers nothing from the profile without consent, but the earlier submission still helps', () => {
    const offer = offerPrefill(null, components, {
      to_khai: { benNamHoTen: 'Trần Văn Bình', soBan: 2 },
    });
    expect(offer).toEqual({
      'formData.to_khai.benNamHoTen': 'Trần Văn Bình',
      'formData.to_khai.soBan': 2,
    });
  });

  it('counts only fields still equal to what was offered, over every field of the submission', () => {
    const offer = offerPrefill(profile, components, null);
    const { applicant, formData } = applyOffer(offer);
    // The citizen corrects the address in the form and types the spouse's name.
    formData.to_khai!.nguoiYeuCauNoiCuTru = '14 Trần Hưng Đạo';
    formData.to_khai!.benNamHoTen = 'Trần Văn Bình';
    const counted = countPrefilled(offer, components, applicant, formData);
    // 6 applicant fields + 5 form fields; 5 applicant values and 2 form values kept.
    expect(counted).toEqual({ prefilled: 7, total: 11 });
  });

  it('law: applying an offer and submitting it unchanged counts every offered field', () => {
    fc.assert(
      fc.property(
        fc.record({
          fullName: fc.option(
            fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
          ),
          citizenId: fc.option(fc.stringMatching(/^\d{12}$/)),
          dateOfBirth: fc.constant(null),
          phone: fc.option(fc.stringMatching(/^0\d{9}$/)),
          email: fc.constant(null),
          address: fc.constant(null),
        }),
        (p) => {
          const offer = offerPrefill(p, components, null);
          const { applicant, formData } = applyOffer(offer);
          const { prefilled, total } = countPrefilled(offer, components, applicant, formData);
          expect(prefilled).toBe(Object.keys(offer).length);
          expect(prefilled).toBeLessThanOrEqual(total);
        },
      ),
    );
  });
});
