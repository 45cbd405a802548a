// npm run audit:verify [-- --checkpoints <file> …]: verifies the audit log — the keyed hash
// chain, its links and seqs, and the head against the checkpoints kept outside the database
// (default DATA_DIR/backups/audit-checkpoints.jsonl; name copies kept elsewhere with
// --checkpoints, repeatable). Exit 1 on any fault, each printed with the first seq at fault.
import fs from 'node:fs';
import { openConfigured } from '../app.js';
import { checkpointFilePath, readCheckpoints } from '../platform/audit/audit.checkpoint.js';
import { verifyAuditChain } from '../platform/audit/audit.verify.js';
import { loadConfig } from '../platform/config.js';
import { parseArgs, runCli } from './cli-common.js';

runCli(async () => {
  const { values } = parseArgs({
    options: { checkpoints: { type: 'string', multiple: true } },
  });
  const config = loadConfig();
  for (const p of values.checkpoints ?? [])
    if (!fs.existsSync(p)) throw new Error(`Không có tệp mốc kiểm tra / no checkpoint file: ${p}`);
  const files = values.checkpoints?.length
    ? values.checkpoints.map((p) => ({ path: p }))
    : [{ path: checkpointFilePath(config.dataDir), optional: true }];
  const db = await openConfigured(config, 'audit:verify', { createKey: false });
  try {
    const key = db.auditKey!;
    const r = await verifyAuditChain(db.kysely, key, readCheckpoints(files, key));
    const cp = r.checkpoints.read
      ? `${r.checkpoints.read} mốc kiểm tra, mới nhất tới seq=${r.checkpoints.lastSeq} lúc ${r.checkpoints.lastAt} / ${r.checkpoints.read} checkpoints, the latest up to seq ${r.checkpoints.lastSeq}`
      : `không có mốc kiểm tra nào trong ${files.map((f) => f.path).join(', ')} / no checkpoints read`;
    if (!r.ok) {
      for (const f of r.faults) console.error(`✖ ${f.message}`);
      console.error(
        `✖ Nhật ký kiểm toán KHÔNG toàn vẹn: lỗi đầu tiên tại seq=${r.firstBad?.seq} (${r.rows} dòng; ${cp}). ` +
          `/ Audit log NOT intact: first fault at seq ${r.firstBad?.seq}.`,
      );
      process.exitCode = 1;
      throw new Error('audit chain broken');
    }
    console.log(
      `✔ Nhật ký kiểm toán toàn vẹn: ${r.rows} dòng, có khoá từ seq=${r.keyedFrom}; ${cp} ` +
        `/ audit log intact: ${r.rows} rows`,
    );
  } finally {
    await db.close();
  }
});
