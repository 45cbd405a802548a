// What we write, we read back unchanged: every field, Vietnamese text, binary attachments,
// trace headers, the Signature and kept unknown elements; and the XML has the regulation's
// forms (edXML: prefix, yyyy/MM/dd dates, Vietnam-time timestamps, base64).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdxml } from './edxml.build.js';
import { EdxmlError } from './edxml.errors.js';
import { parseEdxml } from './edxml.parse.js';
import { ALL_BYTES, fullPackage, PDF_BYTES, packageArb } from './edxml.test-support.js';
import { EDXML_NAMESPACE, type EdxmlPackageInput } from './edxml.types.js';

function codeOf(f: () => unknown): { code: string; path: string | undefined } | 'ok' {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof EdxmlError) return { code: e.code, path: e.path };
    throw e;
  }
}

describe('buildEdxml → parseEdxml', () => {
  it('gives back a package with every field; attachments byte-identical', () => {
    const pkg = fullPackage();
    const xml = buildEdxml(pkg);
    const back = parseEdxml(xml);
    expect(back).toEqual(pkg);
    expect(back.to).toHaveLength(3);
    expect(Buffer.compare(Buffer.from(back.attachments[0]!.data), Buffer.from(PDF_BYTES))).toBe(0);
    expect(Buffer.compare(Buffer.from(back.attachments[1]!.data), Buffer.from(ALL_BYTES))).toBe(0);
    // From bytes as well as text; and building the parsed package gives the same XML.
    expect(parseEdxml(new TextEncoder().encode(xml))).toEqual(pkg);
    expect(buildEdxml(back)).toBe(xml);
  });

  it("writes the regulation's forms", () => {
    const xml = buildEdxml(fullPackage());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toContain(`<edXML:edXML xmlns:edXML="${EDXML_NAMESPACE}">`);
    // Every element is prefixed, except inside the Signature and the foreign kept element.
    const ours = xml
      .replace(/<Signature[\s\S]*<\/Signature>/, '')
      .replace(/<GhiChu[\s\S]*<\/GhiChu>/, '');
    const tags = [...ours.matchAll(/<\/?([A-Za-z][\w:.-]*)/g)].map((m) => m[1]);
    expect(tags.length).toBeGreaterThan(100);
    expect(tags.filter((t) => !t!.startsWith('edXML:'))).toEqual([]);
    expect(xml.indexOf('<edXML:edXMLEnvelope>')).toBeLessThan(
      xml.indexOf('<edXML:AttachmentEncoded>'),
    );
    expect(xml).toContain(
      '<edXML:DocumentId>000.00.00.H45,2024/03/05,05/KH-UBND</edXML:DocumentId>',
    );
    expect(xml).toContain('<edXML:PromulgationDate>2024/03/05</edXML:PromulgationDate>');
    expect(xml).toContain('<edXML:DueDate>2024/12/31</edXML:DueDate>');
    // 02:30 UTC is 09:30 in Vietnam; 16:59:59 UTC is 23:59:59 the same day.
    expect(xml).toContain('<edXML:Timestamp>2024/03/05 09:30:00</edXML:Timestamp>');
    expect(xml).toContain('<edXML:Timestamp>2024/03/05 23:59:59</edXML:Timestamp>');
    expect(xml).toContain(
      `<edXML:ContentTransferEncoded>${Buffer.from(ALL_BYTES).toString('base64')}<`,
    );
    expect(xml).toContain('<edXML:ContentId>cid:phu-luc</edXML:ContentId>');
    expect(xml).toContain('<edXML:Paper>1</edXML:Paper>');
    expect(xml).toContain('&amp; &lt;các&gt;');
  });

  it('fills the defaults of a minimal package and computes its DocumentId', () => {
    const minimal: EdxmlPackageInput = {
      from: { organId: '000.00.00.H45' },
      to: [{ organId: '000.00.01.H45' }],
      code: { number: '05', notation: 'KH-UBND' },
      promulgation: { date: '2024-03-05' },
      subject: 'Về việc thử nghiệm',
    };
    const back = parseEdxml(buildEdxml(minimal));
    expect(back.documentId).toBe('000.00.00.H45,2024/03/05,05/KH-UBND');
    expect(back).toMatchObject({
      dueDate: null,
      business: null,
      signature: null,
      attachments: [],
      trace: [],
      extra: [],
      toPlaces: [],
      other: { promulgationAmount: null, appendixes: [] },
      from: { organId: '000.00.00.H45', organName: '', fax: '' },
    });
  });

  it('refuses an invalid package with edxml_invalid_package and the field path', () => {
    const base = fullPackage();
    const bad = (patch: Partial<EdxmlPackageInput>) =>
      codeOf(() => buildEdxml({ ...base, ...patch }));
    expect(bad({ to: [] })).toEqual({ code: 'edxml_invalid_package', path: 'to' });
    expect(bad({ promulgation: { place: '', date: '2024-02-30' } })).toEqual({
      code: 'edxml_invalid_package',
      path: 'promulgation.date',
    });
    expect(bad({ from: { ...base.from, organId: '000.00, 00' } })).toMatchObject({
      path: 'from.organId',
    });
    expect(bad({ attachments: [base.attachments[0]!, base.attachments[0]!] })).toMatchObject({
      path: 'attachments.1.contentId',
    });
    expect(bad({ attachments: [{ ...base.attachments[0]!, contentId: 'abc' }] })).toMatchObject({
      path: 'attachments.0.contentId',
    });
    expect(bad({ extra: [{ path: 'edXML', xml: '<a><b></a>' }] })).toMatchObject({
      path: 'extra.0.xml',
    });
    expect(bad({ extra: [{ path: 'edXML/Nowhere', xml: '<a/>' }] })).toMatchObject({
      code: 'edxml_invalid_package',
      path: 'edXML/Nowhere',
    });
    expect(bad({ signature: '<!DOCTYPE x><x/>' })).toMatchObject({ path: 'signature' });
    expect(bad({ extra: [{ path: 'edXML', xml: '<a/>tail' }] })).toMatchObject({
      path: 'extra.0.xml',
    });
    expect(bad({ extra: [{ path: 'edXML', xml: '<?xml version="1.0"?><a/>' }] })).toMatchObject({
      path: 'extra.0.xml',
    });
    const err = (() => {
      try {
        buildEdxml({ ...base, subject: '' });
      } catch (e) {
        return e as EdxmlError;
      }
    })();
    expect(err?.detail).toMatch(/không hợp lệ.*subject/);
  });

  it('drops characters XML cannot carry instead of writing a broken document', () => {
    const back = parseEdxml(
      buildEdxml({ ...fullPackage(), content: 'a\u0000b\u0008c\uFFFEd\uD800e' }),
    );
    expect(back.content).toBe('abcde');
  });

  it('property: any valid package survives build → parse', () => {
    fc.assert(
      fc.property(packageArb, (pkg) => {
        expect(parseEdxml(buildEdxml(pkg))).toEqual(pkg);
      }),
      { numRuns: 150 },
    );
  });
});
