/** Paths of the citizen account pages. */
export const CITIZEN_PATHS = {
  register: '/dang-ky',
  account: '/tai-khoan-cua-toi',
} as const;
