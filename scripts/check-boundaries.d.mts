// Types of check-boundaries.mjs for the server's boundary test.
export interface SourceFile {
  path: string;
  text: string;
}
export interface KnownDebt {
  file: string;
  import: string;
  why: string;
}
export const LAYERS: string[][];
export const KNOWN_DEBTS: KnownDebt[];
export function importsOf(text: string): string[];
export function checkImports(files: SourceFile[], known?: KnownDebt[]): string[];
export function sourceFiles(root: string, dir: string): SourceFile[];
