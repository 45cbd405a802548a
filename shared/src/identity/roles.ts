/**
 * Role names (vai trò) of docs/product.md. Staff roles are held over a unit subtree;
 * `citizen` is not scoped. The database CHECK in identity's migration lists the same names.
 */
export const ROLES = [
  'admin',
  'desk_officer',
  'specialist',
  'leader',
  'secretariat',
  'citizen',
] as const;
export type Role = (typeof ROLES)[number];
