// Whatever arrives, the parsers answer with a value or an EdxmlError, never another exception:
// random text, random bytes, XML-looking soup, and valid packages cut and spliced at random.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdxml, buildEdxmlStatus } from './edxml.build.js';
import { EdxmlError } from './edxml.errors.js';
import { parseEdxml, parseEdxmlMessage, parseEdxmlStatus } from './edxml.parse.js';
import { fullPackage, fullStatus } from './edxml.test-support.js';

const PARSERS = [parseEdxml, parseEdxmlStatus, parseEdxmlMessage];

/**
 * 'ok' or the EdxmlError's code; any other exception fails the property. What parses must
 * also build again, into XML that parses to the same value (extras and all).
 */
function outcome(input: string | Uint8Array): string[] {
  return PARSERS.map((parse) => {
    try {
      const value = parse(input);
      if (parse === parseEdxml) {
        const p = value as ReturnType<typeof parseEdxml>;
        expect(parseEdxml(buildEdxml(p))).toEqual(p);
      } else if (parse === parseEdxmlStatus) {
        const s = value as ReturnType<typeof parseEdxmlStatus>;
        expect(parseEdxmlStatus(buildEdxmlStatus(s))).toEqual(s);
      }
      return 'ok';
    } catch (e) {
      if (e instanceof EdxmlError) {
        expect(e.detail).not.toBe('');
        return e.code;
      }
      throw e;
    }
  });
}

const PACKAGE = buildEdxml(fullPackage());
const STATUS = buildEdxmlStatus(fullStatus('received'));

const xmlish = fc.string({
  unit: fc.constantFrom(
    '<',
    '>',
    '/',
    '</',
    '/>',
    '=',
    '"',
    "'",
    ' ',
    '\n',
    'edXML',
    'edXML:',
    'MessageHeader',
    'To',
    'Subject',
    'xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"',
    'xmlns="urn:x"',
    '&amp;',
    '&#',
    '&#x110000;',
    ';',
    '<!DOCTYPE',
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<?xml version="1.0"?>',
    '__proto__',
    'constructor',
    '\u0000',
    '\uD800',
    'Đ',
  ),
  maxLength: 60,
});

describe('garbage in, EdxmlError out', () => {
  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void outcome(s)),
      {
        numRuns: 400,
      },
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => void outcome(b)),
      { numRuns: 400 },
    );
  });

  it('XML-looking soup', () => {
    fc.assert(
      fc.property(xmlish, (s) => void outcome(s)),
      { numRuns: 600 },
    );
  });

  it('valid packages and notices cut and spliced at random', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(PACKAGE, STATUS),
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.oneof(xmlish, fc.string({ maxLength: 10 })),
        (xml, at, cut, insert) => {
          const i = at % xml.length;
          void outcome(xml.slice(0, i) + insert + xml.slice(i + cut));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('non-string input from untyped callers', () => {
    for (const v of [null, undefined, 42, {}, []]) {
      expect(() => parseEdxml(v as unknown as string)).toThrow(EdxmlError);
    }
  });
});
