// Spawning the real server for the browser specs, shared by the global setup (which makes the
// template database once) and each spec's startServer (which starts on a copy of it). No
// vitest imports here: the global setup runs outside any test file.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

export const repo = path.resolve(import.meta.dirname, '../..');

export const ADMIN_PASSWORD = 'mat-khau-e2e-2026';

/** A running server process and its base URL. */
export interface SpawnedServer {
  url: string;
  /** SIGTERM, then waits for the process to exit. */
  stop: () => Promise<void>;
}

/**
 * Starts server/src/main.ts on `dataDir` (and `databaseUrl`, else the embedded database) with
 * the demo data but not its year of history (each spec starts a server of its own), and
 * resolves once it prints its URL.
 */
export async function spawnServer(opts: {
  dataDir: string;
  databaseUrl?: string;
  env?: Record<string, string>;
}): Promise<SpawnedServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repo, 'server/src/main.ts')],
    {
      cwd: repo,
      env: {
        ...process.env,
        DATA_DIR: opts.dataDir,
        PORT: '0',
        DEMO_DATA: '1',
        DEMO_HISTORY: '0',
        ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
        DATABASE_URL: opts.databaseUrl ?? '',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/is running at: (http:\/\/\S+)/);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs one statement on `connectionString` in a short-lived connection. */
export async function runSql(connectionString: string, statement: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
}

/** The same connection string naming another database. */
export function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
