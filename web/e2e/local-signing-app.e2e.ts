// Signing with a USB token in one click through the local signing app (docs/local-signing-app.md).
// The platform is loaded as from a LAN address (http://cqs.test:<port>, not a secure context, as
// the default deployment) and the reference app (`npm run signing-app`) runs on 127.0.0.1 with
// the leader's own certificate: the demo installation issues each signer's certificate from its
// demo CA (platform/signatures/setup.ts, DATA_DIR/signing/issued), and the spec asks the same
// SigningSetup for it, so the signature is the signer's and the demo CA vouches for it.
// Before that, the screen says in Vietnamese when no app answers and when the signer refuses in
// the app. After it, the API's signature report, pdfsig on the signed PDF, and axe.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SigningSetup } from '../../server/src/platform/signatures/index.js';
import { expectNoSeriousA11yViolations as axe } from './axe.js';
import { browserSpec, signedInPage } from './server.js';
import { repo } from './spawn-server.js';
import { staffApi } from './staff-api.js';

const spec = browserSpec({ host: 'cqs.test' });
const STAMP = Date.now();
const SUMMARY = `Thông báo lịch trực cơ quan — ký qua ứng dụng ký số ${STAMP}`;
const apps: ChildProcess[] = [];

afterAll(() => {
  for (const app of apps) if (app.exitCode === null) app.kill('SIGTERM');
});

/** A port nothing listens on (taken from the kernel, then given back). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `npm run signing-app` (as node + tsx, so the spec can stop it) and waits for it. */
async function startSigningApp(args: string[]): Promise<string> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(repo, 'server/src/cli/signing-app.ts'),
      ...args,
      '--port',
      String(port),
    ],
    // No terminal on stdin: without --yes the app refuses to sign unasked.
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  apps.push(child);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes(`http://127.0.0.1:${port}`)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`signing app exited ${code}:\n${out}`)));
  });
  return `http://127.0.0.1:${port}`;
}

/** Waits until the app's status line matches `expected`; else fails with what it says. */
async function statusSays(status: Locator, expected: RegExp): Promise<void> {
  const deadline = Date.now() + 20_000;
  let said = '';
  while (Date.now() < deadline) {
    said = (await status.innerText()).trim();
    if (expected.test(said)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the signing app's status says "${said}", not ${expected}`);
}

describe('signing with the local signing app', () => {
  it('the leader signs with a token in one click; no app and a refusal are said plainly', async () => {
    // A notice of the city drafted and approved through the API (documents.e2e.ts tests those pages).
    const specialist = await staffApi(spec.serverUrl, 'chuyenvien.vhtt');
    const draft = await specialist('POST', '/documents/outgoing', {
      unitCode: '883',
      typeCode: 'TB',
      summary: SUMMARY,
      paragraphs: ['Ủy ban nhân dân thành phố thông báo lịch trực cơ quan dịp Tết.'],
      signer: { title: 'CHỦ TỊCH', name: 'Lãnh đạo thành phố' },
    });
    const id = draft.id as string;
    await specialist('POST', `/documents/${id}/actions`, { action: 'submit', version: 1 });
    await (await staffApi(spec.serverUrl, 'vanphong.longxuyen'))(
      'POST',
      `/documents/${id}/actions`,
      { action: 'approve', version: 2 },
    );
    const leaderApi = await staffApi(spec.serverUrl, 'lanhdao.longxuyen');
    await leaderApi('POST', `/documents/${id}/actions`, { action: 'approve', version: 3 });

    // The leader's certificate, as the demo installation issues it (the token's stand-in).
    const me = (await leaderApi('GET', '/auth/me')).user as { id: string; fullName: string };
    await new SigningSetup({ dataDir: spec.dataDir }).person({
      id: me.id,
      name: me.fullName,
      title: 'CHỦ TỊCH',
    });
    const p12 = path.join(spec.dataDir, 'signing', 'issued', `person-${me.id}.p12`);
    const appArgs = ['--p12', p12, '--password-file', `${p12}.password`, '--origin', spec.url];

    const leader = await signedInPage(spec.browser, spec.url, 'lanhdao.longxuyen', spec.contexts);
    await leader.goto(`${spec.url}/van-ban/${id}`);
    await leader.getByText('Đã duyệt, chờ ký').first().waitFor();
    await leader.getByText('Ký bằng USB token (thiết bị ký số của bạn)').click();
    const region = leader.getByRole('region', { name: 'Ký bằng ứng dụng ký số trên máy' });
    const address = region.getByRole('textbox', { name: 'Địa chỉ ứng dụng ký số' });
    const status = region.getByTestId('local-app-status');
    const reconnect = region.getByRole('button', { name: 'Kết nối lại' });

    // No app at that address: the screen says so, names it, and the manual way stays.
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    await address.fill(nowhere);
    await reconnect.click();
    await region.getByText(`Không kết nối được ứng dụng ký số tại ${nowhere}.`).waitFor();
    expect(await leader.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'status',
    );
    await leader.getByRole('button', { name: 'Chuẩn bị ký bằng USB token' }).waitFor();
    await axe(leader, '/van-ban/:id (signing app not running)');

    // An app whose signer says no (here: no terminal to ask, and no --yes).
    const refusing = await startSigningApp(appArgs);
    await address.fill(refusing);
    await reconnect.click();
    await statusSays(status, /^Đã kết nối: .+ \(phiên bản [\d.]+\)\.$/);
    const certificate = region.getByRole('radio', { name: new RegExp(`^${me.fullName} — do`) });
    expect(await certificate.isChecked()).toBe(true);
    await region.getByRole('button', { name: 'Ký số bằng ứng dụng trên máy' }).click();
    await region
      .getByRole('alert')
      .getByText('Bạn đã hủy ký trên ứng dụng ký số; văn bản chưa được ký.')
      .waitFor();
    await leader.getByText('Đã duyệt, chờ ký').first().waitFor();

    // The signer's app agrees: one click signs the document.
    const app = await startSigningApp([...appArgs, '--yes']);
    await address.fill(app);
    await reconnect.click();
    await statusSays(status, /^Đã kết nối: /);
    await axe(leader, '/van-ban/:id (signing app connected)');
    await region.getByRole('button', { name: 'Ký số bằng ứng dụng trên máy' }).click();
    await leader.getByText('Đã thực hiện: Ký số.').waitFor({ timeout: 60_000 });
    await leader.getByText('Đã ký, chờ phát hành').first().waitFor();
    await leader
      .getByRole('region', { name: 'Chữ ký số' })
      .getByText(me.fullName)
      .first()
      .waitFor();
    await axe(leader, '/van-ban/:id (signed through the signing app)');
    // The address is remembered on this browser for the next signing.
    expect(await leader.evaluate(() => localStorage.getItem('cqs.localSigningApp.url'))).toBe(app);

    // The server's own report: the leader's signature, intact and trusted (the demo CA).
    const doc = await leaderApi('GET', `/documents/${id}`);
    expect(doc.status).toBe('signed');
    const personal = (doc.signatures as Record<string, unknown>[]).find(
      (s) => s.kind === 'personal',
    );
    expect(personal).toMatchObject({
      signer: expect.stringContaining(me.fullName),
      integrity: 'valid',
      chain: 'valid',
      trusted: true,
    });
    // And Poppler's, independent of ours, on the signed PDF.
    const file = (doc.files as { id: string; kind: string }[]).find((f) => f.kind === 'signed_pdf');
    expect(file).toBeTruthy();
    // Fetched by the page (its cookie; Node cannot resolve cqs.test).
    const pdf = Buffer.from(
      await leader.evaluate(async (url) => {
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        let text = '';
        for (const b of bytes) text += String.fromCharCode(b);
        return btoa(text);
      }, `/api/v1/documents/${id}/files/${file!.id}`),
      'base64',
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfsig = spawnSync('which', ['pdfsig']).status === 0;
    if (pdfsig) {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-signing-app-e2e-'));
      fs.writeFileSync(path.join(tmp, 'signed.pdf'), pdf);
      const report = spawnSync('pdfsig', [path.join(tmp, 'signed.pdf')], { encoding: 'utf8' });
      fs.rmSync(tmp, { recursive: true, force: true });
      expect(report.stdout).toContain('Signature is Valid.');
      expect(report.stdout).toContain(me.fullName);
    } else {
      console.warn('SKIPPED pdfsig: not installed (apt-get install poppler-utils)');
    }
  }, 240_000);
});
