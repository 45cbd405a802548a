import { describe, expect, it } from 'vitest';
import {
  buildApplicant,
  canonicalCitizenId,
  canonicalPhone,
  canonicalTaxCode,
  emptyApplicantDraft,
} from './applicant.ts';

describe('canonicalPhone', () => {
  it('accepts +84, 84, spaces, dots and dashes and stores 0xxxxxxxxx', () => {
    expect(canonicalPhone('0912345678')).toBe('0912345678');
    expect(canonicalPhone('+84 912 345 678')).toBe('0912345678');
    expect(canonicalPhone('+84912345678')).toBe('0912345678');
    expect(canonicalPhone('84912345678')).toBe('0912345678');
    expect(canonicalPhone('0912.345.678')).toBe('0912345678');
    expect(canonicalPhone('091-234-5678')).toBe('0912345678');
    expect(canonicalPhone('+84 (0) 912 345 678')).toBe('0912345678');
    expect(canonicalPhone(' 0386 123 456 ')).toBe('0386123456');
  });
  it('refuses what is not a Vietnamese mobile number', () => {
    expect(canonicalPhone('')).toBeNull();
    expect(canonicalPhone('091234567')).toBeNull();
    expect(canonicalPhone('09123456789')).toBeNull();
    expect(canonicalPhone('0212345678')).toBeNull();
    expect(canonicalPhone('0612345678')).toBeNull();
    expect(canonicalPhone('09a2345678')).toBeNull();
  });
});

describe('canonicalCitizenId', () => {
  it('needs exactly 12 digits, spaces allowed', () => {
    expect(canonicalCitizenId('079203001234')).toBe('079203001234');
    expect(canonicalCitizenId('079 203 001 234')).toBe('079203001234');
    expect(canonicalCitizenId('07920300123')).toBeNull();
    expect(canonicalCitizenId('0792030012345')).toBeNull();
    expect(canonicalCitizenId('07920300123A')).toBeNull();
    expect(canonicalCitizenId('000203001234')).toBeNull(); // no province 000
    expect(canonicalCitizenId('097203001234')).toBeNull();
    expect(canonicalCitizenId('')).toBeNull();
  });
});

describe('canonicalTaxCode', () => {
  it('takes 10 digits or a branch 10-3', () => {
    expect(canonicalTaxCode('0301234567')).toBe('0301234567');
    expect(canonicalTaxCode('0301234567-001')).toBe('0301234567-001');
    expect(canonicalTaxCode('030123456')).toBeNull();
    expect(canonicalTaxCode('0301234567-01')).toBeNull();
  });
});

describe('buildApplicant', () => {
  const person = {
    ...emptyApplicantDraft(),
    fullName: '  Nguyễn   Văn An ',
    citizenId: '079 203 001 234',
    dateOfBirth: '5/3/1990',
    phone: '+84 912 345 678',
    address: 'Số 1 Lê Lợi, phường Mỹ Bình, tỉnh An Giang',
  };

  it('builds the API shape with canonical values', () => {
    const { applicant, errors } = buildApplicant(person, '2026-01-01');
    expect(errors).toEqual({});
    expect(applicant).toEqual({
      type: 'individual',
      fullName: 'Nguyễn Văn An',
      citizenId: '079203001234',
      dateOfBirth: '1990-03-05',
      phone: '0912345678',
      address: { line: 'Số 1 Lê Lợi, phường Mỹ Bình, tỉnh An Giang' },
    });
  });

  it('keys problems by API path, with the CCCD message', () => {
    const { applicant, errors } = buildApplicant(
      { ...person, citizenId: '12345', dateOfBirth: '2030-01-01', email: 'x@' },
      '2026-01-01',
    );
    expect(applicant).toBeNull();
    expect(errors['applicant.citizenId']?.key).toBe('dossiers.validation.citizenId');
    expect(errors['applicant.dateOfBirth']?.key).toBe('dossiers.validation.dateOfBirthPast');
    expect(errors['applicant.email']?.key).toBe('validation.email');
    expect(
      buildApplicant({ ...person, citizenId: '000203001234' }, '2026-01-01').errors[
        'applicant.citizenId'
      ]?.key,
    ).toBe('dossiers.validation.citizenIdProvince');
  });

  it('checks an organisation on its own fields', () => {
    const { applicant, errors } = buildApplicant(
      {
        ...emptyApplicantDraft(),
        type: 'organization',
        name: 'Công ty TNHH Mỹ Bình',
        taxCode: '1601234567-002',
        representative: 'Trần Thị Bình',
        phone: '0386123456',
        address: 'Long Xuyên',
      },
      '2026-01-01',
    );
    expect(errors).toEqual({});
    expect(applicant).toMatchObject({ type: 'organization', taxCode: '1601234567-002' });
  });
});
