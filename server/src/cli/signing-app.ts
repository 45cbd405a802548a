// npm run signing-app -- --p12 my.p12 --password-file pw --origin http://10.0.0.5:3000
//   [--origin …] [--port 8765] [--yes]
// The reference local signing app (docs/local-signing-app.md): signs token-signing sessions of
// the platform with the key of a PKCS#12 file, on 127.0.0.1 only. Each request is confirmed on
// this terminal unless --yes (tests, demos). The password comes from a file or
// SIGNING_APP_P12_PASSWORD, never the command line, which every user of the machine can read.
import fs from 'node:fs';
import readline from 'node:readline/promises';
import { loadPkcs12 } from '../platform/signatures/index.js';
import { parseArgs } from './cli-common.js';
import { createLocalSigningApp, type SignRequestInfo } from './local-signing-app.js';

const fail = (message: string): never => {
  console.error(`✖ ${message}`);
  process.exit(2);
};

const { values } = parseArgs({
  options: {
    p12: { type: 'string' },
    'password-file': { type: 'string' },
    origin: { type: 'string', multiple: true },
    port: { type: 'string', default: '8765' },
    yes: { type: 'boolean', default: false },
  },
});

if (!values.p12) fail('Thiếu --p12 <tệp PKCS#12>. / Missing --p12.');
const origins = values.origin ?? [];
if (origins.length === 0)
  fail('Thiếu --origin <địa chỉ nền tảng>, ví dụ http://10.0.0.5:3000. / Missing --origin.');
for (const o of origins) {
  let url: URL | null = null;
  try {
    url = new URL(o);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== o.replace(/\/$/, ''))
    fail(`--origin "${o}" phải là scheme://host[:port], không có đường dẫn. / Not an origin.`);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail('--port không hợp lệ.');

const password = values['password-file']
  ? fs.readFileSync(values['password-file'], 'utf8').replace(/\r?\n$/, '')
  : (process.env.SIGNING_APP_P12_PASSWORD ?? '');

/** Asks on the terminal; without one (a service, a pipe) nothing is signed unasked. */
async function ask(info: SignRequestInfo): Promise<boolean> {
  if (values.yes) return true;
  if (!process.stdin.isTTY) {
    console.error('✖ Không có cửa sổ dòng lệnh để hỏi người ký; dùng --yes để ký không hỏi.');
    return false;
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(
      `\nKý văn bản "${info.documentTitle || '(không tên)'}"\n  cho trang ${info.origin}\n` +
        `  bằng chứng thư "${info.certificate.name}"?  [c = có / Enter = không] `,
    );
    return /^(c|có|y|yes)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

try {
  const signer = await loadPkcs12(new Uint8Array(fs.readFileSync(values.p12!)), password);
  const app = createLocalSigningApp({
    signers: [signer],
    origins,
    confirm: ask,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  app.on('error', (e) => fail(`Không mở được cổng ${port}: ${e.message}`));
  // Loopback only: the key must not be reachable from the LAN.
  app.listen(port, '127.0.0.1', () => {
    console.log(`✔ Ứng dụng ký số đang chạy tại http://127.0.0.1:${port}`);
    console.log(`  Cho phép: ${origins.join(', ')}`);
  });
  const stop = () => app.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  fail(`Không đọc được tệp PKCS#12: ${(e as Error).message}`);
}
