/** Paths of the citizen account pages. */
export const CITIZEN_PATHS = {
  register: '/dang-ky',
  account: '/tai-khoan-cua-toi',
  passwordReset: '/quen-mat-khau',
} as const;
