import { parseArgs } from 'node:util';
import { AppError } from '../platform/errors.js';

/** Runs a CLI body, printing domain errors as plain Vietnamese/English lines (exit 1). */
export function runCli(body: () => Promise<void>): void {
  body().then(
    () => process.exit(0),
    (err) => {
      if (err instanceof AppError) {
        console.error(`✖ ${err.detail}`);
        if (err.code === 'data_dir_locked') {
          console.error(
            '  Khi máy chủ đang chạy ở chế độ nhúng, hãy sao lưu qua giao diện quản trị hoặc API POST /api/v1/admin/backups; ' +
              'bản sao lưu tự động nằm trong DATA_DIR/backups.\n' +
              '  (While the embedded server runs, back up through POST /api/v1/admin/backups; automatic backups are in DATA_DIR/backups.)',
          );
        }
      } else {
        console.error(err);
      }
      process.exit(1);
    },
  );
}

export { parseArgs };
