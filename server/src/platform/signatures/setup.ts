// Who signs with what (issue 13 deliver 3), for every module that signs (documents: official
// documents; dossiers: forms 01–06 and results). Three kinds of signer, through this library:
// - the organisation's seal (chữ ký số của cơ quan): a PKCS#12 on the server
//   (SIGNING_SEAL_P12 + SIGNING_SEAL_P12_PASSWORD);
// - a person: a remote signing service (SIGNING_REMOTE_URL, the hash goes out and a CMS comes
//   back), or deferred signing by their USB token through a local signing app (the server
//   prepares the PDF and its hash, accepts the CMS; providers.ts deferredProvider);
// - the demo: with no seal configured, the installation makes its own demo CA at first use
//   (data/signing, never in the repository; its names say "CA THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ
//   PHÁP LÝ") and issues a seal per unit and a certificate per signer from it.
// Trust anchors are data: SIGNING_TRUST_ANCHORS (a PEM bundle the operator loads: the
// government's specialised CA, public CAs), plus the demo CA when the demo signs.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { type CertificateAuthority, createDemoCa, issueCertificate, loadCa } from './demo-ca.js';
import { type KeyAndChain, loadPkcs12 } from './pkcs12.js';
import { type OneStepProvider, pkcs12Provider, remoteProvider } from './providers.js';

/** What the operator configured (platform/config.ts, README "Chữ ký số"). */
export interface SigningConfig {
  dataDir: string;
  sealP12?: string;
  sealP12Password?: string;
  trustAnchorsFile?: string;
  tsaUrl?: string;
  remoteUrl?: string;
  remoteToken?: string;
  /** 'cms': the service returns a whole CMS; 'signature': it signs our signed attributes. */
  remoteMode?: 'cms' | 'signature';
}

/**
 * The demo CA and demo certificates of each data directory, shared by every SigningSetup of the
 * process: the documents and the dossiers modules each hold one, and two setups making the demo
 * CA at the same first use would write two CAs over each other's files.
 */
const demoCas = new Map<string, Promise<CertificateAuthority>>();
const demoIssued = new Map<string, Promise<OneStepProvider>>();

/** Signers, images and trust anchors for the modules that sign (documents, dossiers). */
export class SigningSetup {
  readonly #cache = new Map<string, Promise<OneStepProvider>>();
  readonly #keys = new Map<string, Promise<KeyAndChain>>();
  constructor(readonly config: SigningConfig) {}

  /** True when no seal is configured: the installation signs with its own demo CA. */
  get demo(): boolean {
    return !this.config.sealP12;
  }

  get #dir(): string {
    return path.join(this.config.dataDir, 'signing');
  }

  /** The demo CA, made once and kept in the data directory (mode 0600). */
  demoCa(): Promise<CertificateAuthority> {
    const dir = this.#dir;
    let ca = demoCas.get(dir);
    if (ca) return ca;
    ca = (async () => {
      const p12 = path.join(this.#dir, 'demo-ca.p12');
      const pw = path.join(this.#dir, 'demo-ca.password');
      if (fs.existsSync(p12) && fs.existsSync(pw))
        return loadCa(fs.readFileSync(p12), fs.readFileSync(pw, 'utf8'));
      fs.mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
      const made = await createDemoCa();
      fs.writeFileSync(p12, made.p12, { mode: 0o600 });
      fs.writeFileSync(pw, made.password, { mode: 0o600 });
      return made;
    })();
    demoCas.set(dir, ca);
    return ca;
  }

  /** The PEM trust anchors: the operator's bundle, and the demo CA in a demo installation. */
  async trustAnchors(): Promise<string[]> {
    const out: string[] = [];
    if (this.config.trustAnchorsFile) {
      const text = fs.readFileSync(this.config.trustAnchorsFile, 'utf8');
      out.push(
        ...(text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []),
      );
    }
    if (this.demo || fs.existsSync(path.join(this.#dir, 'demo-ca.p12')))
      out.push((await this.demoCa()).certificatePem);
    return out;
  }

  /** A demo certificate (kept in data/signing/issued), issued on first use. */
  #demoIssued(
    key: string,
    opts: {
      profile: 'person' | 'organization';
      commonName: string;
      title?: string;
      organization?: string;
    },
  ): Promise<OneStepProvider> {
    const cacheKey = `${this.#dir}\0${key}`;
    let p = demoIssued.get(cacheKey);
    if (!p) {
      p = (async () => {
        const dir = path.join(this.#dir, 'issued');
        const { file, pwFile } = this.#issuedFiles(key);
        if (!fs.existsSync(file)) {
          const issued = await issueCertificate(await this.demoCa(), opts);
          fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
          fs.writeFileSync(file, issued.p12, { mode: 0o600 });
          fs.writeFileSync(pwFile, issued.password, { mode: 0o600 });
        }
        return pkcs12Provider({
          p12: fs.readFileSync(file),
          password: fs.readFileSync(pwFile, 'utf8'),
          tsa: this.#tsa(),
        });
      })();
      demoIssued.set(cacheKey, p);
    }
    return p;
  }

  /** Where a demo certificate of `key` is kept (PKCS#12 and its password). */
  #issuedFiles(key: string): { file: string; pwFile: string } {
    const file = path.join(this.#dir, 'issued', `${key.replace(/[^a-zA-Z0-9_.-]/g, '_')}.p12`);
    return { file, pwFile: `${file}.password` };
  }

  /**
   * The seal's private key and certificate chain, for signatures that are not CMS (the
   * XML-DSig of an edXML package, QCVN 102:2016): SIGNING_SEAL_P12, or the unit's demo seal.
   */
  sealKey(unit: { code: string; name: string }): Promise<KeyAndChain> {
    const key = this.config.sealP12 ? 'seal-key' : `seal-key-${unit.code}`;
    let p = this.#keys.get(key);
    if (!p) {
      p = (async () => {
        if (this.config.sealP12)
          return loadPkcs12(
            fs.readFileSync(this.config.sealP12),
            this.config.sealP12Password ?? '',
          );
        await this.seal(unit); // issues the demo seal on first use
        const { file, pwFile } = this.#issuedFiles(`seal-${unit.code}`);
        return loadPkcs12(fs.readFileSync(file), fs.readFileSync(pwFile, 'utf8'));
      })();
      // A failed load (wrong password, missing file) is not cached: the operator may fix it.
      p.catch(() => this.#keys.delete(key));
      this.#keys.set(key, p);
    }
    return p;
  }

  #tsa() {
    return this.config.tsaUrl ? { url: this.config.tsaUrl } : undefined;
  }

  /** The organisation's seal signer for a unit. */
  seal(unit: { code: string; name: string }): Promise<OneStepProvider> {
    if (this.config.sealP12) {
      const key = 'seal';
      let p = this.#cache.get(key);
      if (!p) {
        p = Promise.resolve(
          pkcs12Provider({
            p12: fs.readFileSync(this.config.sealP12),
            password: this.config.sealP12Password ?? '',
            tsa: this.#tsa(),
          }),
        );
        this.#cache.set(key, p);
      }
      return p;
    }
    return this.#demoIssued(`seal-${unit.code}`, {
      profile: 'organization',
      commonName: unit.name,
      organization: unit.name,
    });
  }

  /**
   * A person's one-step signer: the remote service when configured, the demo certificate in a
   * demo installation, else null (the person signs with their token: deferred signing).
   */
  async person(user: {
    id: string;
    name: string;
    title?: string | null;
    unitName?: string;
  }): Promise<OneStepProvider | null> {
    if (this.config.remoteUrl)
      return remoteProvider({
        url: this.config.remoteUrl,
        signer: user.id,
        mode: this.config.remoteMode ?? 'cms',
        headers: this.config.remoteToken
          ? { authorization: `Bearer ${this.config.remoteToken}` }
          : undefined,
        tsa: this.#tsa(),
      });
    if (this.demo)
      return this.#demoIssued(`person-${user.id}`, {
        profile: 'person',
        commonName: user.name,
        title: user.title ?? undefined,
        organization: user.unitName,
      });
    return null;
  }
}

/**
 * The images of a signature (ND30 Phụ lục I): the signer's handwritten signature, blue, and the
 * seal, red — transparent PNGs. An installation would load each person's and unit's real images;
 * the demo draws stand-ins.
 */
export async function demoSignatureImage(name: string): Promise<Buffer> {
  // A stroke that differs a little by name, so two signers' images are not identical.
  const bend = 20 + ([...name].reduce((a, c) => a + c.charCodeAt(0), 0) % 40);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="340" height="140">
    <path d="M20 100 C 60 ${bend}, 90 20, 110 90 S 160 140, 190 60 S 250 10, 320 80" fill="none" stroke="#1d3fbf" stroke-width="5" stroke-linecap="round"/>
    <path d="M60 110 L 280 105" fill="none" stroke="#1d3fbf" stroke-width="3" stroke-linecap="round"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A stand-in seal: red rings and a star, transparent (a real seal image is loaded per unit). */
export async function demoSealImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
    <circle cx="200" cy="200" r="190" fill="none" stroke="#d21f1f" stroke-width="12"/>
    <circle cx="200" cy="200" r="140" fill="none" stroke="#d21f1f" stroke-width="5"/>
    <polygon points="200,95 224,170 303,170 239,216 263,291 200,245 137,291 161,216 97,170 176,170" fill="#d21f1f"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
