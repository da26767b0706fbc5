import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * `jixiao serve` on PGlite holds the data directory (pglite-lock.ts), so `jixiao backup` and
 * `jixiao restore` cannot open it while the server runs. The server writes this file into the data
 * directory — readable by its owner only — naming its address and a random token; the commands
 * read it and ask the server (src/server/routes/backup.ts). Reading it needs the same access as
 * reading the database files, so it grants nothing new.
 */
const CONTROL_FILE = 'jixiao.control.json';

const ControlSchema = z.object({ url: z.string(), token: z.string(), pid: z.number().int() });
export type Control = z.infer<typeof ControlSchema>;

export function newControlToken(): string {
  return randomBytes(32).toString('base64url');
}

export function writeControlFile(dataDir: string, control: Control): () => void {
  const path = join(dataDir, CONTROL_FILE);
  writeFileSync(path, `${JSON.stringify(control)}\n`, { mode: 0o600 });
  return () => {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
}

export function readControlFile(dataDir: string): Control | null {
  try {
    const parsed = ControlSchema.safeParse(JSON.parse(readFileSync(join(dataDir, CONTROL_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
