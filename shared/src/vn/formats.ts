// Vietnamese data formats (style.md "Vietnamese data formats"): validate and canonicalise.

/**
 * Citizen ID (CCCD): 12 digits — 3 of the province of birth registration (001–096),
 * 1 for sex and century, 2 of the birth year, 6 of sequence (Thông tư 59/2021/TT-BCA).
 */
export function isCitizenId(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const province = Number(value.slice(0, 3));
  return province >= 1 && province <= 96;
}

/** Mobile phone in the canonical 10-digit form (03/05/07/08/09…); null when not one. Accepts +84, 84 and spaces. */
export function canonicalPhone(value: string): string | null {
  let digits = value.replace(/[\s.()-]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return /^0[35789]\d{8}$/.test(digits) ? digits : null;
}

/** Enterprise tax code: 10 digits, a branch adds `-` and 3 digits. */
export function isTaxCode(value: string): boolean {
  return /^\d{10}(-\d{3})?$/.test(value);
}
