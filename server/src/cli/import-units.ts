// npm run import:units -- [--province 89] [--district 883] [--file F] [--gis DIR] [--valid-from YYYY-MM-DD]
// Imports administrative units (and district boundaries) into the configured database.
// Accepted file shapes: see server/src/modules/org/org.import-file.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openAndMigrate } from '../app.js';
import { importUnits } from '../modules/org/index.js';
import { SYSTEM_ACTOR } from '../platform/actor.js';
import { loadConfig } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';
import { AppError } from '../platform/errors.js';

/** `server/assets/vn-admin-units` (shipped with the server), found from this file (server/src/cli). */
const DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../assets/vn-admin-units',
);

const HELP = `Nhập danh mục đơn vị hành chính / Import administrative units

  npm run import:units -- [options]

  --province CODE   mã tỉnh (lặp lại hoặc phân cách bằng dấu phẩy) / province codes
  --district CODE   mã huyện / district codes (only those districts of their provinces)
  --file FILE       tệp đơn vị / units file (default ${path.join(DATA_DIR, 'units-2025-03.json')})
  --gis DIR         thư mục ranh giới / boundary directory (default ${path.join(DATA_DIR, 'gis')})
  --valid-from DATE ngày hiệu lực / date the file takes effect (default 2025-03-01)

  Không có --province và --district: nhập toàn bộ tệp. / Without filters the whole file is imported.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      province: { type: 'string', multiple: true },
      district: { type: 'string', multiple: true },
      file: { type: 'string' },
      gis: { type: 'string' },
      'valid-from': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const file = path.resolve(values.file ?? path.join(DATA_DIR, 'units-2025-03.json'));
  const gisDir = path.resolve(values.gis ?? path.join(DATA_DIR, 'gis'));

  let db: Db;
  try {
    db = await openAndMigrate(loadConfig(), 'import:units');
  } catch (err) {
    if (err instanceof AppError && err.code === 'data_dir_locked') {
      console.error(`✖ ${err.detail}`);
      console.error(
        '  Hãy dừng máy chủ rồi chạy lại lệnh nhập, hoặc dùng PostgreSQL (DATABASE_URL) để nhập khi máy chủ đang chạy.\n' +
          '  (Stop the server and run the import again, or use PostgreSQL via DATABASE_URL to import while it runs.)',
      );
      return 1;
    }
    throw err;
  }
  try {
    const started = Date.now();
    const r = await importUnits(db.kysely, SYSTEM_ACTOR, {
      file,
      gisDir,
      province: values.province,
      district: values.district,
      validFrom: values['valid-from'],
    });
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `✔ Đã nhập ${r.units} đơn vị từ ${path.basename(file)} trong ${secs} giây: ${r.created} mới, ${r.updated} cập nhật, ${r.unchanged} không đổi, ${r.skipped} bỏ qua (không còn hiệu lực); ${r.boundaries} ranh giới.`,
    );
    console.log(
      `  Imported ${r.units} units from ${path.basename(file)} in ${secs} s: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped (not in force); ${r.boundaries} boundaries.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof AppError) {
      console.error(`✖ ${err.detail}`);
      const problems = (err.extra.problems as string[] | undefined) ?? [];
      for (const p of problems.slice(0, 20)) console.error(`  - ${p}`);
    } else if (
      err instanceof TypeError &&
      (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`✖ ${err.message}\n\n${HELP}`);
    } else {
      console.error(err);
    }
    process.exit(1);
  },
);
