// The XML-DSig Signature of an edXML package (interop.md "edXML (QCVN 102:2016)": "an XML-DSig
// `Signature` (enveloped) over the header, by the sending system"): made with the sending
// unit's seal when we send, checked when a package comes in.
//
// Profile we write (the public QCVN 102:2016 text we hold does not fix one; the choices are
// those every XML-DSig stack verifies without configuration — .NET SignedXml, Java
// XMLSignature, xmlsec1):
// - the Signature is the last child of `edXMLHeader`, in the XML-DSig namespace, unprefixed;
// - one Reference with URI="" (the whole package) and the transforms enveloped-signature then
//   inclusive Canonical XML 1.0. URI="" rather than "#id" because QCVN 102 gives the header no
//   Id attribute, and adding one would change the header's schema for every receiver; the
//   signature so covers the header (what the regulation asks) and, as a bonus, the manifest
//   and the attachments;
// - CanonicalizationMethod inclusive C14N 1.0, SignatureMethod RSA-SHA256, DigestMethod SHA-256;
// - KeyInfo/X509Data with the seal's certificate first, then the rest of its chain.
//
// Verification accepts what others send within reason: any C14N and RSA/SHA algorithm that
// xml-crypto knows, a Reference URI="" or "#id" — but the signed content must contain the
// header, else a signature over some unrelated element would pass for a signed package.
import { X509Certificate as NodeX509, randomBytes } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { buildChain, type ChainResult, validAt } from '../../../platform/signatures/chain.js';
import type { KeyAndChain } from '../../../platform/signatures/index.js';
import { buildEdxml } from './edxml.build.js';
import { EdxmlError } from './edxml.errors.js';
import type { EdxmlPackageInput } from './edxml.types.js';
import { XMLDSIG_NAMESPACE } from './edxml.types.js';
import { fragment, inputText, parseXml, type XElement } from './edxml.xml.js';

const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const HEADER_XPATH =
  "/*[local-name(.)='edXML']/*[local-name(.)='edXMLEnvelope']/*[local-name(.)='edXMLHeader']";

/** What the check of a package's signature found (kept with the imported document). */
export interface EdxmlSignatureCheck {
  /**
   * valid: the header is intact and the certificate chains to a trust anchor and was in force;
   * untrusted: intact, but the certificate does not chain to an anchor (or was not in force);
   * invalid: the signature does not match the package (altered after signing) or is unreadable;
   * not_signed: the package carries no Signature (many senders do not sign).
   */
  status: 'valid' | 'untrusted' | 'invalid' | 'not_signed';
  /** One Vietnamese sentence for the clerk. */
  message: string;
  /** The signer's certificate subject CN, when a certificate was found. */
  signer: string | null;
  certificate: {
    subject: string;
    issuer: string;
    serialNumber: string;
    validFrom: string;
    validTo: string;
    fingerprint256: string;
  } | null;
  /** Digest and signature value match (null: not signed). */
  integrity: 'valid' | 'invalid' | null;
  /** Path building to the anchors (chain.ts); null when not signed or unreadable. */
  chain: 'valid' | 'incomplete' | 'invalid' | null;
  trusted: boolean;
  /** The signed content is the whole package (Reference URI=""), not only part of it. */
  coversWholePackage: boolean;
  /** Why it is not valid (Vietnamese), null when valid or not signed. */
  problem: string | null;
  checkedAt: string;
}

/**
 * The package as XML, signed by `signer` (the sending unit's seal): the enveloped Signature is
 * the last child of edXMLHeader. The bytes are exactly buildEdxml's with the Signature in
 * place, so an import of them exports back byte-identical and the signature still verifies.
 */
export function buildSignedEdxml(input: EdxmlPackageInput, signer: KeyAndChain): string {
  if (signer.key.asymmetricKeyType !== 'rsa')
    throw new EdxmlError(
      'edxml_invalid_package',
      'Chứng thư số của cơ quan không dùng khoá RSA; chữ ký edXML (RSA-SHA256) cần khoá RSA.',
    );
  const leaf = signer.chain[0];
  if (!leaf)
    throw new EdxmlError('edxml_invalid_package', 'Thiếu chứng thư số của cơ quan để ký gói tin.');
  // The builder writes the signature verbatim, on its own line, where a placeholder marks it.
  // The digest is taken over the same text with the placeholder removed: the enveloped
  // transform removes the Signature and leaves the whitespace around it, which C14N joins into
  // the same character data either way.
  const mark = `<Signature xmlns="${XMLDSIG_NAMESPACE}" Id="cqs-${randomBytes(12).toString('hex')}"/>`;
  const withMark = buildEdxml({ ...input, signature: mark });
  const at = withMark.indexOf(mark);
  const unsigned = withMark.slice(0, at) + withMark.slice(at + mark.length);
  const certs = signer.chain.map((c) => Buffer.from(c).toString('base64'));
  const sig = new SignedXml({
    privateKey: signer.key.export({ type: 'pkcs8', format: 'pem' }),
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: C14N,
    getKeyInfoContent: () =>
      `<X509Data>${certs.map((c) => `<X509Certificate>${c}</X509Certificate>`).join('')}</X509Data>`,
  });
  sig.addReference({
    xpath: '/*',
    isEmptyUri: true,
    transforms: [ENVELOPED, C14N],
    digestAlgorithm: SHA256,
  });
  sig.computeSignature(unsigned, { location: { reference: HEADER_XPATH, action: 'append' } });
  // Through our own serializer, so that parse → build gives the same bytes back (C14N makes
  // the two spellings of the Signature equivalent for its own check).
  const signature = fragment(parseXml(sig.getSignatureXml()));
  return withMark.slice(0, at) + signature + withMark.slice(at + mark.length);
}

/** The check of a package that carries no Signature. */
export const notSignedCheck = (now: Date): EdxmlSignatureCheck => ({
  status: 'not_signed',
  message: 'Gói tin không có chữ ký số.',
  signer: null,
  certificate: null,
  integrity: null,
  chain: null,
  trusted: false,
  coversWholePackage: false,
  problem: null,
  checkedAt: now.toISOString(),
});

function invalidCheck(now: Date, problem: string, cert?: NodeX509): EdxmlSignatureCheck {
  return {
    status: 'invalid',
    message: `Chữ ký số của gói tin KHÔNG hợp lệ: ${problem}.`,
    signer: cert ? cnOf(cert) : null,
    certificate: cert ? summary(cert) : null,
    integrity: 'invalid',
    chain: null,
    trusted: false,
    coversWholePackage: false,
    problem,
    checkedAt: now.toISOString(),
  };
}

const cnOf = (c: NodeX509) => /(?:^|\n)CN=([^\n]*)/.exec(c.subject)?.[1] ?? c.subject;
const summary = (c: NodeX509) => ({
  subject: c.subject.replace(/\n/g, ', '),
  issuer: c.issuer.replace(/\n/g, ', '),
  serialNumber: c.serialNumber,
  validFrom: new Date(c.validFrom).toISOString(),
  validTo: new Date(c.validTo).toISOString(),
  fingerprint256: c.fingerprint256,
});

/** The Signature element the parser reads: in the header, else the envelope, else the root. */
function findSignature(root: XElement): XElement | null {
  const kids = (e: XElement) => e.children.filter((c): c is XElement => typeof c !== 'string');
  const env = kids(root).find((c) => c.local === 'edXMLEnvelope');
  const hdr = env && kids(env).find((c) => c.local === 'edXMLHeader');
  for (const holder of [hdr, env, root]) {
    const el = holder && kids(holder).find((c) => c.local === 'Signature');
    if (el) {
      return el.ns === XMLDSIG_NAMESPACE ? el : null;
    }
  }
  return null;
}

/**
 * Checks the signature of a package (text or UTF-8 bytes) against the trust anchors (PEM):
 * integrity of the signed content (which must include the header), then the certificate path
 * (platform/signatures/chain.ts) and its validity at `now` (XML-DSig carries no signing time).
 * Never throws for a bad signature: the answer says why; a package that is not XML at all is
 * the parser's business (call this after parseEdxml).
 */
export function verifyEdxmlSignature(
  input: string | Uint8Array,
  anchors: string[],
  now: Date,
): EdxmlSignatureCheck {
  const text = inputText(input);
  const found = findSignature(parseXml(text));
  if (!found) return notSignedCheck(now);
  let doc: Document;
  try {
    // The text passed parseXml above (no DOCTYPE, well-formed); any complaint is a refusal,
    // never a line on the console.
    const fail = (m: string) => {
      throw new Error(m);
    };
    doc = new DOMParser({
      errorHandler: { warning: () => {}, error: fail, fatalError: fail },
    }).parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    return invalidCheck(now, `không đọc được gói tin (${(e as Error).message})`);
  }
  const sigNode = signatureNode(doc);
  if (!sigNode) return invalidCheck(now, 'không tìm thấy phần tử Signature');
  const certs = nodes<Element>(
    sigNode.getElementsByTagNameNS(XMLDSIG_NAMESPACE, 'X509Certificate'),
  ).map((n) => Buffer.from((n.textContent ?? '').replace(/\s+/g, ''), 'base64'));
  let parsed: NodeX509[];
  try {
    parsed = certs.map((c) => new NodeX509(c));
  } catch {
    return invalidCheck(now, 'chứng thư số kèm theo chữ ký không đọc được');
  }
  // The signer's certificate is the one that is not a CA (senders do not all put it first).
  const at = Math.max(
    0,
    parsed.findIndex((c) => !c.ca),
  );
  const leaf = parsed[at];
  if (!leaf) return invalidCheck(now, 'chữ ký không kèm chứng thư số (X509Certificate)');
  const sig = new SignedXml({ publicCert: leaf.toString(), getCertFromKeyInfo: () => null });
  let ok = false;
  let problem = 'nội dung gói tin đã bị thay đổi sau khi ký';
  try {
    sig.loadSignature(sigNode as unknown as Node);
    ok = sig.checkSignature(text);
  } catch (e) {
    problem = `chữ ký không kiểm tra được (${(e as Error).message})`;
  }
  if (!ok) return invalidCheck(now, problem, leaf);
  const covers = coverage(sig, doc);
  if (covers === 'none')
    return invalidCheck(now, 'chữ ký không bao phủ phần đầu gói tin (edXMLHeader)', leaf);

  let chain: ChainResult;
  try {
    chain = buildChain(
      certs[at]!,
      certs.filter((_, i) => i !== at),
      anchors.map((p) => new Uint8Array(new NodeX509(p).raw)),
    );
  } catch {
    chain = {
      status: 'invalid',
      trusted: false,
      path: [leaf],
      problem: 'không kiểm tra được chuỗi chứng thư',
    };
  }
  const inForce = validAt(chain.path, now);
  const trusted = chain.status === 'valid' && chain.trusted && inForce;
  const chainProblem = trusted
    ? null
    : chain.status === 'valid' && chain.trusted
      ? 'chứng thư số đã hết hạn hoặc chưa có hiệu lực'
      : chain.status === 'valid'
        ? 'chứng thư số không thuộc tổ chức cung cấp dịch vụ chứng thực được tin cậy'
        : (chain.problem ?? 'chuỗi chứng thư không hợp lệ');
  return {
    status: trusted ? 'valid' : 'untrusted',
    message: trusted
      ? `Chữ ký số hợp lệ: ${cnOf(leaf)}.`
      : `Gói tin còn nguyên vẹn nhưng chữ ký số không được tin cậy: ${chainProblem}.`,
    signer: cnOf(leaf),
    certificate: summary(leaf),
    integrity: 'valid',
    chain: chain.status,
    trusted,
    coversWholePackage: covers === 'whole',
    problem: chainProblem,
    checkedAt: now.toISOString(),
  };
}

// xmldom's node lists are array-like, not iterable.
const nodes = <T>(list: { length: number; item(i: number): T | null }): T[] =>
  Array.from({ length: list.length }, (_, i) => list.item(i) as T);

const childEl = (e: Element | null | undefined, local: string): Element | undefined =>
  e
    ? (nodes<Node>(e.childNodes).find(
        (n) => n.nodeType === 1 && (n as Element).localName === local,
      ) as Element | undefined)
    : undefined;

/** The header and the elements holding it (root, envelope, header), in the DOM. */
function headerPath(doc: Document): Element[] {
  const root = doc.documentElement;
  const env = childEl(root, 'edXMLEnvelope');
  return [root, env, childEl(env, 'edXMLHeader')].filter((e): e is Element => !!e);
}

/** The ds:Signature element where findSignature looks (header, envelope, root), in the DOM. */
function signatureNode(doc: Document): Element | null {
  for (const holder of headerPath(doc).reverse()) {
    const el = childEl(holder, 'Signature');
    if (el) return el.namespaceURI === XMLDSIG_NAMESPACE ? el : null;
  }
  return null;
}

/**
 * What the validated references cover: the whole document (URI=""), an element that holds the
 * header (URI="#id" of the header, the envelope or the root), or neither.
 */
function coverage(sig: SignedXml, doc: Document): 'whole' | 'header' | 'none' {
  let best: 'whole' | 'header' | 'none' = 'none';
  const holders = headerPath(doc);
  for (const ref of sig.getReferences()) {
    if (ref.uri === '') return 'whole';
    const id = ref.uri?.startsWith('#') ? ref.uri.slice(1) : null;
    if (id && holders.some((e) => ['Id', 'ID', 'id'].some((a) => e.getAttribute(a) === id)))
      best = 'header';
  }
  return best;
}
