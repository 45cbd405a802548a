// PKCS#12 (RFC 7292) in JavaScript: Node's crypto cannot read .p12/.pfx files, and shelling
// out to `openssl pkcs12` at run time would tie the server to a binary. pkijs parses the
// structures (it copes with the BER that Windows and CA tools export); the cryptography is
// Node's: PBES2 (PBKDF2 + AES/3DES) and the PKCS#12 key derivation used by the MAC and by the
// legacy pbeWithSHAAnd3-KeyTripleDES-CBC scheme. RC2 (very old exports) is not available in
// OpenSSL 3's default provider and is refused with a clear message.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  X509Certificate as NodeX509,
  pbkdf2Sync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ab, hashNameOf, OID, parseDer } from './asn1-util.js';
import { SignatureError } from './errors.js';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERT = '1.2.840.113549.1.9.22.1';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const HMAC_BY_OID: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const CIPHER_BY_OID: Record<string, { name: string; keyLen: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLen: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLen: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLen: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLen: 24 },
};

/** A signer's key with its chain (DER, signer first), as loaded from a PKCS#12. */
export interface KeyAndChain {
  key: KeyObject;
  chain: Uint8Array[];
}

/** PKCS#12 password form for the KDF: BMPString (UTF-16BE) with a terminating NUL. */
function bmpPassword(password: string): Buffer {
  const b = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) b.writeUInt16BE(password.charCodeAt(i), i * 2);
  return b;
}

/** The PKCS#12 key derivation function (RFC 7292 appendix B.2). */
export function pkcs12Kdf(
  hash: string,
  password: string,
  salt: Uint8Array,
  id: number,
  iterations: number,
  n: number,
): Buffer {
  const u = createHash(hash).digest().length;
  const v = u > 32 ? 128 : 64;
  const fill = (src: Uint8Array) => {
    const len = src.length === 0 ? 0 : v * Math.ceil(src.length / v);
    const out = Buffer.alloc(len);
    for (let i = 0; i < len; i++) out[i] = src[i % src.length] ?? 0;
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([fill(salt), fill(bmpPassword(password))]);
  const out: Buffer[] = [];
  for (let produced = 0; produced < n; produced += u) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash).update(A).digest();
    out.push(A);
    const B = fill(A.subarray(0, Math.min(A.length, v)));
    for (let j = 0; j < I.length; j += v) {
      let carry = 1; // I_j = (I_j + B + 1) mod 2^(8v)
      for (let k = v - 1; k >= 0; k--) {
        const s = (I[j + k] ?? 0) + (B[k] ?? 0) + carry;
        I[j + k] = s & 0xff;
        carry = s >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, n);
}

const unsupported = (what: string) =>
  new SignatureError(
    'pkcs12_unsupported',
    `Tệp PKCS#12 dùng thuật toán mã hoá chưa được hỗ trợ (${what}); hãy xuất lại tệp với AES-256.`,
  );

/** Decrypts PBES2 or pbeWithSHAAnd3-KeyTripleDES-CBC content. */
function pbeDecrypt(alg: pkijs.AlgorithmIdentifier, data: Uint8Array, password: string): Buffer {
  if (alg.algorithmId === PBES2) {
    const p = new pkijs.PBES2Params({ schema: alg.algorithmParams });
    if (p.keyDerivationFunc.algorithmId !== PBKDF2)
      throw unsupported(p.keyDerivationFunc.algorithmId);
    const kdf = new pkijs.PBKDF2Params({ schema: p.keyDerivationFunc.algorithmParams });
    const cipher = CIPHER_BY_OID[p.encryptionScheme.algorithmId];
    if (!cipher) throw unsupported(p.encryptionScheme.algorithmId);
    const prf = kdf.prf ? HMAC_BY_OID[kdf.prf.algorithmId] : 'sha1';
    if (!prf) throw unsupported(kdf.prf?.algorithmId ?? '?');
    const salt = new Uint8Array((kdf.salt as asn1js.OctetString).valueBlock.valueHexView);
    const key = pbkdf2Sync(
      Buffer.from(password, 'utf8'),
      salt,
      kdf.iterationCount,
      cipher.keyLen,
      prf,
    );
    const iv = new Uint8Array(
      (p.encryptionScheme.algorithmParams as asn1js.OctetString).valueBlock.valueHexView,
    );
    const d = createDecipheriv(cipher.name, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  }
  if (alg.algorithmId === PBE_SHA1_3DES) {
    const params = alg.algorithmParams as asn1js.Sequence;
    const [saltBlock, iterBlock] = params.valueBlock.value as [asn1js.OctetString, asn1js.Integer];
    const salt = new Uint8Array(saltBlock.valueBlock.valueHexView);
    const iter = iterBlock.valueBlock.valueDec;
    const key = pkcs12Kdf('sha1', password, salt, 1, iter, 24);
    const iv = pkcs12Kdf('sha1', password, salt, 2, iter, 8);
    const d = createDecipheriv('des-ede3-cbc', key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  }
  throw unsupported(alg.algorithmId);
}

/** Reads the private key and certificate chain from a PKCS#12 file. */
export async function loadPkcs12(p12: Uint8Array, password: string): Promise<KeyAndChain> {
  let pfx: pkijs.PFX;
  let authSafeBytes: Uint8Array;
  try {
    pfx = new pkijs.PFX({ schema: parseDer(p12, 'PFX') });
    if (pfx.authSafe.contentType !== OID.data) throw new Error('authSafe is not data');
    authSafeBytes = new Uint8Array((pfx.authSafe.content as asn1js.OctetString).getValue());
  } catch (e) {
    throw new SignatureError('pkcs12_invalid', 'Tệp chứng thư số (PKCS#12) không hợp lệ.', {
      cause: e,
    });
  }
  // The MAC is checked first: a wrong password then gives a clear error, not garbage keys.
  const mac = pfx.macData;
  if (mac) {
    const hash = hashNameOf(mac.mac.digestAlgorithm.algorithmId);
    if (!hash) throw unsupported(mac.mac.digestAlgorithm.algorithmId);
    const salt = new Uint8Array(mac.macSalt.valueBlock.valueHexView);
    const u = createHash(hash).digest().length;
    const key = pkcs12Kdf(hash, password, salt, 3, mac.iterations ?? 1, u);
    const expected = createHmac(hash, key).update(authSafeBytes).digest();
    const got = Buffer.from(mac.mac.digest.valueBlock.valueHexView);
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
      throw new SignatureError('pkcs12_bad_password', 'Mật khẩu tệp chứng thư số không đúng.');
    }
  }
  const keys: { key: KeyObject; localKeyId?: string }[] = [];
  const certs: { der: Uint8Array; localKeyId?: string }[] = [];
  try {
    const safe = new pkijs.AuthenticatedSafe({
      schema: parseDer(authSafeBytes, 'AuthenticatedSafe'),
    });
    for (const ci of safe.safeContents) {
      let contents: Uint8Array;
      if (ci.contentType === OID.data) {
        contents = new Uint8Array((ci.content as asn1js.OctetString).getValue());
      } else if (ci.contentType === OID.encryptedData) {
        const ed = new pkijs.EncryptedData({ schema: ci.content });
        const eci = ed.encryptedContentInfo;
        contents = pbeDecrypt(
          eci.contentEncryptionAlgorithm,
          new Uint8Array(eci.getEncryptedContent()),
          password,
        );
      } else continue; // enveloped (public-key protected) safes: not used for signing keys
      const sc = new pkijs.SafeContents({ schema: parseDer(contents, 'SafeContents') });
      for (const bag of sc.safeBags) {
        const idAttr = bag.bagAttributes?.find((a) => a.type === LOCAL_KEY_ID)?.values[0];
        const localKeyId =
          idAttr instanceof asn1js.OctetString
            ? Buffer.from(idAttr.valueBlock.valueHexView).toString('hex')
            : undefined;
        if (bag.bagId === SHROUDED_KEY_BAG) {
          const v = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
          const pkcs8 = pbeDecrypt(
            v.encryptionAlgorithm,
            new Uint8Array(v.encryptedData.getValue()),
            password,
          );
          keys.push({
            key: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
            localKeyId,
          });
        } else if (bag.bagId === KEY_BAG) {
          const der = (bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false);
          keys.push({
            key: createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }),
            localKeyId,
          });
        } else if (bag.bagId === CERT_BAG) {
          const v = bag.bagValue as pkijs.CertBag;
          if (v.certId !== X509_CERT) continue;
          certs.push({
            der: new Uint8Array((v.certValue as asn1js.OctetString).getValue()),
            localKeyId,
          });
        }
      }
    }
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    // Without a MAC a wrong password surfaces here, as a padding error.
    const code = mac ? 'pkcs12_invalid' : 'pkcs12_bad_password';
    throw new SignatureError(
      code,
      'Không đọc được khoá trong tệp chứng thư số (sai mật khẩu hoặc tệp hỏng).',
      { cause: e },
    );
  }
  const key = keys[0];
  if (!key) throw new SignatureError('pkcs12_invalid', 'Tệp chứng thư số không chứa khoá bí mật.');
  // The signer certificate is the one whose public key matches the private key.
  const pub = createPublicKeyDer(key.key);
  const leaf = certs.find((c) => Buffer.compare(spkiOf(c.der), pub) === 0);
  if (!leaf)
    throw new SignatureError(
      'pkcs12_invalid',
      'Tệp chứng thư số không có chứng thư khớp với khoá bí mật.',
    );
  return {
    key: key.key,
    chain: orderChain(
      leaf.der,
      certs.map((c) => c.der),
    ),
  };
}

const spkiOf = (der: Uint8Array) =>
  new NodeX509(der).publicKey.export({ type: 'spki', format: 'der' });
// A private KeyObject yields its public half through createPublicKey.
const createPublicKeyDer = (k: KeyObject) =>
  createPublicKey(k).export({ type: 'spki', format: 'der' });

/** Orders certificates leaf → root by following issuers, dropping unrelated ones. */
export function orderChain(leaf: Uint8Array, all: Uint8Array[]): Uint8Array[] {
  const chain = [leaf];
  let cur = new NodeX509(leaf);
  for (let depth = 0; depth < 10; depth++) {
    if (cur.checkIssued(cur)) break; // self-issued root
    const nextDer = all.find((d) => {
      const c = new NodeX509(d);
      return !chain.includes(d) && cur.checkIssued(c) && cur.verify(c.publicKey);
    });
    if (!nextDer) break;
    chain.push(nextDer);
    cur = new NodeX509(nextDer);
  }
  return chain;
}

/** Options of makePkcs12. */
export interface MakePkcs12Options {
  friendlyName?: string;
  /** PBKDF2 and MAC iterations. Default 10 000 (OpenSSL 3 uses 2 048). */
  iterations?: number;
}

const seq = (...value: asn1js.AsnType[]) => new asn1js.Sequence({ value });
const ctx0 = (...value: asn1js.AsnType[]) =>
  new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value });
const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const octets = (b: Uint8Array) => new asn1js.OctetString({ valueHex: ab(b) });
const der = (v: asn1js.AsnType) => new Uint8Array(v.toBER(false));

/** PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) encryption, the OpenSSL 3 default. */
function pbes2Encrypt(
  data: Uint8Array,
  password: string,
  iterations: number,
): { alg: asn1js.Sequence; ct: Uint8Array } {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const c = createCipheriv('aes-256-cbc', key, iv);
  const ct = new Uint8Array(Buffer.concat([c.update(data), c.final()]));
  const alg = seq(
    oid(PBES2),
    seq(
      seq(
        oid(PBKDF2),
        seq(
          octets(salt),
          new asn1js.Integer({ value: iterations }),
          seq(oid('1.2.840.113549.2.9'), new asn1js.Null()),
        ),
      ),
      seq(oid('2.16.840.1.101.3.4.1.42'), octets(iv)),
    ),
  );
  return { alg, ct };
}

/** A password-protected PKCS#12 holding `key` and `chain` (DER, signer first). */
export function makePkcs12(
  key: KeyObject,
  chain: Uint8Array[],
  password: string,
  opts: MakePkcs12Options = {},
): Uint8Array {
  const iterations = opts.iterations ?? 10_000;
  const leaf = chain[0];
  if (!leaf) throw new SignatureError('pkcs12_invalid', 'Thiếu chứng thư số.');
  const localKeyId = createHash('sha1').update(leaf).digest();
  const attrs = [
    seq(oid(LOCAL_KEY_ID), new asn1js.Set({ value: [octets(localKeyId)] })),
    ...(opts.friendlyName
      ? [
          seq(
            oid(FRIENDLY_NAME),
            new asn1js.Set({ value: [new asn1js.BmpString({ value: opts.friendlyName })] }),
          ),
        ]
      : []),
  ];
  const pkcs8 = new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
  const shrouded = pbes2Encrypt(pkcs8, password, iterations);
  const keyBag = seq(
    oid(SHROUDED_KEY_BAG),
    ctx0(seq(shrouded.alg, octets(shrouded.ct))),
    new asn1js.Set({ value: attrs }),
  );
  const certBags = chain.map((c, i) =>
    seq(
      oid(CERT_BAG),
      ctx0(seq(oid(X509_CERT), ctx0(octets(c)))),
      ...(i === 0
        ? [
            new asn1js.Set({
              value: [seq(oid(LOCAL_KEY_ID), new asn1js.Set({ value: [octets(localKeyId)] }))],
            }),
          ]
        : []),
    ),
  );
  const certSafe = pbes2Encrypt(der(seq(...certBags)), password, iterations);
  const authSafe = der(
    seq(
      seq(oid(OID.data), ctx0(octets(der(seq(keyBag))))),
      seq(
        oid(OID.encryptedData),
        ctx0(
          seq(
            new asn1js.Integer({ value: 0 }),
            seq(
              oid(OID.data),
              certSafe.alg,
              new asn1js.Primitive({
                idBlock: { tagClass: 3, tagNumber: 0 },
                valueHex: ab(certSafe.ct),
              }),
            ),
          ),
        ),
      ),
    ),
  );
  const macSalt = randomBytes(16);
  const macKey = pkcs12Kdf('sha256', password, macSalt, 3, iterations, 32);
  const macValue = createHmac('sha256', macKey).update(authSafe).digest();
  return der(
    seq(
      new asn1js.Integer({ value: 3 }),
      seq(oid(OID.data), ctx0(octets(authSafe))),
      seq(
        seq(seq(oid(OID.sha256), new asn1js.Null()), octets(macValue)),
        octets(macSalt),
        new asn1js.Integer({ value: iterations }),
      ),
    ),
  );
}
