// Every blank form of the demo catalogue renders, opened with pdf-parse: each field's title
// is there in Vietnamese, choices are printed, and a form fits on a few pages.
import type { FormSchema } from '@cqs/shared/procedures/index';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../dossiers/forms/pdf-test-utils.js';
import { demoProcedures } from './procedures.demo.js';
import { renderBlankForm } from './procedures.form-pdf.js';

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('blank forms', () => {
  const forms = demoProcedures().flatMap((p) =>
    p.components
      .filter((c) => c.formSchema)
      .map((c) => ({ p, c: { ...c, formSchema: c.formSchema as FormSchema } })),
  );

  it('has forms to test', () => {
    expect(forms.length).toBeGreaterThanOrEqual(25);
  });

  it.each(forms.map((f) => [`${f.p.code} ${f.c.key}`, f] as const))(
    '%s renders every field',
    async (_, { p, c }) => {
      const { text, pages } = await readPdf(await renderBlankForm(p, c));
      const flat = squash(text);
      expect(flat).toContain((c.formSchema.title ?? c.name).toUpperCase());
      expect(flat).toContain(`Thủ tục: ${p.name} (mã ${p.code})`);
      const required = new Set(c.formSchema.required ?? []);
      for (const [key, field] of Object.entries(c.formSchema.properties)) {
        expect(flat).toContain(`${field.title}${required.has(key) ? ' (*)' : ''}`);
        if ('enum' in field && field.enum && field.enum.length <= 12)
          for (const option of field.enum) expect(flat).toContain(String(option));
      }
      expect(flat).toContain('NGƯỜI KHAI');
      expect(pages.length).toBeLessThanOrEqual(4);
    },
  );
});
