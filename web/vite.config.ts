import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The API server (Fastify) listens on :3000 in development; the web app calls it same-origin
// through this proxy so the session cookie and CSRF header behave as in production.
const API_TARGET = 'http://127.0.0.1:3000';

/**
 * Fails the build when the entry (main.tsx) statically reaches zod, a module's barrel
 * (`modules/<m>/index.ts`) or the English messages (fetched only when English is chosen). Whatever the entry reaches statically goes into the entry chunk
 * as soon as any page uses it, and every public page downloads that chunk: one barrel import
 * in the shell once put zod and the staff screens there (issue 4's 200 KB budget for the
 * public catalogue, docs/benchmarks.md). Import the single file instead, or load it lazily.
 */
function entryStaysSmall(): Plugin {
  const forbidden = [
    /\/node_modules\/zod\//,
    /\/web\/src\/modules\/[^/]+\/index\.tsx?$/,
    /\/web\/src\/i18n\/en\.ts$/,
  ];
  return {
    name: 'cqs-entry-stays-small',
    apply: 'build',
    buildEnd(error) {
      if (error) return;
      const entry = [...this.getModuleIds()].find((id) => id.endsWith('/web/src/main.tsx'));
      if (!entry) return;
      const from = new Map<string, string | null>([[entry, null]]);
      const queue = [entry];
      while (queue.length > 0) {
        const id = queue.shift() as string;
        if (forbidden.some((re) => re.test(id))) {
          const chain: string[] = [];
          for (let at: string | null | undefined = id; at; at = from.get(at)) chain.unshift(at);
          const short = chain.map((c) => c.replace(/^.*?\/(web|shared|node_modules)\//, '$1/'));
          this.error(`the entry chunk would include ${short.at(-1)}:\n  ${short.join('\n  → ')}`);
        }
        for (const dep of this.getModuleInfo(id)?.importedIds ?? []) {
          if (!from.has(dep)) {
            from.set(dep, id);
            queue.push(dep);
          }
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), entryStaysSmall()],
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/metrics': { target: API_TARGET, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
