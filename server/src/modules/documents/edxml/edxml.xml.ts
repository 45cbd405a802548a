// The XML layer under the edXML parser: bytes or text → a namespace-resolved element tree,
// safely; a reader that walks it by local name and collects the elements nobody asked for;
// and the serialisation of such an element back to a self-contained XML fragment.
//
// Safety: packages come from other systems, so
// - a DOCTYPE is refused outright (edXML has none): no DTD, no entity definitions, hence no
//   XXE and no entity-expansion bombs;
// - only the five predefined entities and character references are decoded (our decoder,
//   not fast-xml-parser's, whose expansion caps could also cut long texts);
// - size is capped before parsing, nesting by the parser (maxNestedTags);
// - element and attribute names go through a prefix so that `__proto__` or `constructor`
//   are plain names, not a reason for the parser to throw.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EdxmlError } from './edxml.errors.js';
import { escapeAttr, escapeText, stripNonXml } from './edxml.format.js';
import { EDXML_NAMESPACE, type EdxmlExtra } from './edxml.types.js';

/** One element, its namespace resolved. */
export interface XElement {
  /** Qualified name as written (`edXML:Subject`). */
  name: string;
  local: string;
  /** Namespace URI, '' for none. */
  ns: string;
  /** Attributes as written, namespace declarations included. */
  attrs: [string, string][];
  children: XNode[];
  /** Prefix ('' = default) → URI, in scope at this element. */
  scope: ReadonlyMap<string, string>;
}
/** An element or a run of character data. */
export type XNode = XElement | string;

/** Limits of parsing; defaults suit a package with a few tens of MB of files. */
export interface EdxmlParseOptions {
  /** Largest accepted input, in bytes (default 50 MiB). */
  maxBytes?: number;
  /** Most attachments in one package (default 200). */
  maxAttachments?: number;
}
/** Default input size cap. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const MARK = '~';
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

// Only what XML itself defines; anything else is not well-formed once DOCTYPEs are refused.
const entityDecoder = {
  reset() {},
  setXmlVersion() {},
  setExternalEntities() {},
  addInputEntities() {
    throw new Error('DOCTYPE entities are not accepted');
  },
  decode(s: string): string {
    if (!s.includes('&')) return s;
    return s.replace(/&([^;&\s]{0,12});?/g, (_m, e: string) => {
      const pre = PREDEFINED[e];
      if (pre !== undefined) return pre;
      const num = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(e);
      const cp = num ? Number.parseInt(num[1] ?? num[2] ?? '', num[1] ? 16 : 10) : -1;
      const ok =
        cp === 0x9 ||
        cp === 0xa ||
        cp === 0xd ||
        (cp >= 0x20 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0xfffd) ||
        (cp >= 0x10000 && cp <= 0x10ffff);
      if (!ok) throw new Error(`undefined entity &${e};`);
      return String.fromCodePoint(cp);
    });
  },
};

const mark = (n: string) => (n.startsWith(MARK) ? n : MARK + n);
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
  entityDecoder,
  transformTagName: mark,
  transformAttributeName: mark,
});

const malformed = (detail: string, cause?: unknown) =>
  new EdxmlError('edxml_malformed', detail, { cause });

/** The edxml_too_large error of a size limit. */
export function tooLarge(maxBytes: number): EdxmlError {
  const limit = maxBytes >= 1048576 ? `${Math.floor(maxBytes / 1048576)} MB` : `${maxBytes} byte`;
  return new EdxmlError('edxml_too_large', `Gói tin vượt quá dung lượng cho phép (${limit}).`);
}

/** UTF-8 text of the input: a BOM dropped, invalid UTF-8 or another declared encoding refused. */
export function inputText(input: string | Uint8Array, maxBytes = DEFAULT_MAX_BYTES): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > maxBytes) throw tooLarge(maxBytes);
  let s: string;
  if (typeof input === 'string') s = input;
  else {
    try {
      s = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch (e) {
      throw malformed('Gói tin không phải văn bản UTF-8.', e);
    }
    const enc = /^\uFEFF?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(s)?.[1];
    if (enc && !/^utf-?8$/i.test(enc)) {
      throw malformed(`Gói tin dùng bảng mã ${enc}; chỉ chấp nhận UTF-8.`);
    }
  }
  return s.replace(/^\uFEFF/, '');
}

type Raw = Record<string, unknown>;

/** The root element of a document, after the safety checks above. */
export function parseXml(source: string): XElement {
  // Tolerated, not refused: some producers paste control characters from word processors.
  const xml = stripNonXml(source);
  if (/<!DOCTYPE/i.test(xml))
    throw malformed('Gói tin chứa khai báo DOCTYPE, không được chấp nhận.');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw malformed(
      `Gói tin không phải XML hợp lệ (dòng ${valid.err.line}, cột ${valid.err.col}).`,
    );
  }
  let raw: Raw[];
  try {
    raw = parser.parse(xml) as Raw[];
  } catch (e) {
    throw malformed('Gói tin không phải XML hợp lệ.', e);
  }
  const top = onlyElement(raw);
  if (!top) throw malformed('Gói tin phải có đúng một phần tử gốc.');
  const root = toElement(top, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
  if (!root) throw malformed('Gói tin không phải XML hợp lệ.');
  return root;
}

/** The one element at the top of a parse, with nothing but whitespace around it. */
function onlyElement(raw: Raw[]): Raw | undefined {
  const elements = raw.filter((n) => !('#text' in n));
  const stray = raw.some((n) => '#text' in n && String(n['#text']).trim() !== '');
  return elements.length === 1 && !stray ? elements[0] : undefined;
}

const unmark = (n: string) => n.replace(/^~+/, '');

function toElement(node: Raw, parentScope: ReadonlyMap<string, string>): XElement | undefined {
  const key = Object.keys(node).find((k) => k !== ':@');
  if (!key || key === '#text' || key === '#cdata') return undefined;
  const name = unmark(key);
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  const attrs = Object.entries(rawAttrs).map(
    // The parser marks the prefixed key (`~@_name`): unmark, then drop the prefix.
    ([k, v]) => [unmark(k).replace(/^@_/, ''), String(v)] as [string, string],
  );
  let scope = parentScope;
  for (const [k, v] of attrs) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      (scope as Map<string, string>).set(k === 'xmlns' ? '' : k.slice(6), v);
    }
  }
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const local = colon < 0 ? name : name.slice(colon + 1);
  const children: XNode[] = [];
  for (const child of (node[key] ?? []) as Raw[]) {
    if ('#text' in child) children.push(String(child['#text']));
    else if ('#cdata' in child) {
      for (const c of child['#cdata'] as Raw[]) children.push(String(c['#text'] ?? ''));
    } else {
      const el = toElement(child, scope);
      if (el) children.push(el);
    }
  }
  return { name, local, ns: scope.get(prefix) ?? '', attrs, children, scope };
}

/** The character data directly inside an element (child elements' text excluded), trimmed. */
export function textOf(el: XElement): string {
  return el.children
    .filter((c): c is string => typeof c === 'string')
    .join('')
    .trim();
}

const isOurs = (el: XElement) => el.ns === EDXML_NAMESPACE || el.ns === '';

/**
 * Walks an element by local name (edXML namespace or none: some producers forget it), and
 * remembers which children were read; `finish()` files the others as extras, so they survive
 * a parse → build round trip.
 */
export class Reader {
  private readonly read = new Set<XElement>();

  constructor(
    readonly el: XElement,
    readonly path: string,
    private readonly extras: EdxmlExtra[],
  ) {}

  private find(names: readonly string[]): XElement[] {
    return this.el.children.filter(
      (c): c is XElement => typeof c !== 'string' && names.includes(c.local) && isOurs(c),
    );
  }

  /**
   * The first child of one of these local names, as a reader; null when absent. Its path uses
   * the first name (the one the builder writes), so extras under a variant land back there.
   */
  child(...names: string[]): Reader | null {
    const el = this.find(names)[0];
    if (!el) return null;
    this.read.add(el);
    return new Reader(el, `${this.path}/${names[0]}`, this.extras);
  }

  /** Every child of this local name, as readers (paths indexed from 1). */
  children(name: string): Reader[] {
    return this.find([name]).map((el, i) => {
      this.read.add(el);
      return new Reader(el, `${this.path}/${name}[${i + 1}]`, this.extras);
    });
  }

  /** The trimmed text of the first child of this local name; '' when absent. */
  text(name: string): string {
    const r = this.child(name);
    return r ? textOf(r.el) : '';
  }

  /** Like text(), but an absent or empty element is an edxml_missing_field error. */
  required(name: string): string {
    const v = this.text(name);
    if (v === '') throw missing(`${this.path}/${name}`);
    return v;
  }

  /** The first child element of this local name in any namespace (for Signature), marked read. */
  anyNs(name: string): XElement | undefined {
    const el = this.el.children.find(
      (c): c is XElement => typeof c !== 'string' && c.local === name,
    );
    if (el) this.read.add(el);
    return el;
  }

  /** Files every child element not read as an extra of this element. */
  finish(): void {
    for (const c of this.el.children) {
      if (typeof c !== 'string' && !this.read.has(c)) {
        this.extras.push({ path: this.path, xml: fragment(c) });
      }
    }
  }
}

/** The edxml_missing_field error of a path. */
export function missing(path: string): EdxmlError {
  return new EdxmlError('edxml_missing_field', `Thiếu thông tin bắt buộc: ${path}.`, { path });
}

/** The edxml_invalid_field error of a path. */
export function invalid(path: string, what: string): EdxmlError {
  return new EdxmlError('edxml_invalid_field', `Giá trị không hợp lệ tại ${path}: ${what}.`, {
    path,
  });
}

function usedPrefixes(el: XElement, out: Set<string>): Set<string> {
  const colon = el.name.indexOf(':');
  out.add(colon < 0 ? '' : el.name.slice(0, colon));
  for (const [k] of el.attrs) {
    const c = k.indexOf(':');
    if (c > 0 && !k.startsWith('xmlns:')) out.add(k.slice(0, c));
  }
  for (const c of el.children) if (typeof c !== 'string') usedPrefixes(c, out);
  return out;
}

/**
 * The element as XML that stands on its own: the namespace declarations it relies on from its
 * ancestors are added to it, so it keeps its meaning wherever the builder puts it.
 */
export function fragment(el: XElement): string {
  const declared = new Set(el.attrs.map(([k]) => k));
  const added: [string, string][] = [];
  for (const p of usedPrefixes(el, new Set())) {
    const attr = p === '' ? 'xmlns' : `xmlns:${p}`;
    const uri = el.scope.get(p);
    if (p !== 'xml' && uri !== undefined && uri !== '' && !declared.has(attr))
      added.push([attr, uri]);
  }
  return serialize(el, [...added, ...el.attrs]);
}

function serialize(el: XElement, attrs: [string, string][] = el.attrs): string {
  const a = attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (el.children.length === 0) return `<${el.name}${a}/>`;
  const inner = el.children
    .map((c) => (typeof c === 'string' ? escapeText(c) : serialize(c)))
    .join('');
  return `<${el.name}${a}>${inner}</${el.name}>`;
}

/** A fragment given to a builder is one well-formed element, or an edxml_invalid_package. */
export function checkFragment(xml: string, path: string): void {
  let ok = false;
  try {
    ok =
      // The parser drops text after a self-closing root: check both ends ourselves.
      /^\s*<[^\s?!/]/.test(xml) &&
      />\s*$/.test(xml) &&
      !/<!DOCTYPE|<\?xml/i.test(xml) &&
      XMLValidator.validate(xml) === true &&
      onlyElement(parser.parse(xml) as Raw[]) !== undefined;
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new EdxmlError('edxml_invalid_package', `Đoạn XML tại ${path} không hợp lệ.`, { path });
  }
}
