import { z } from 'zod';

/** `GET /api/instance`: what the sign-in page needs to know about this installation. Public. */
export const InstanceStateSchema = z.object({
  /** The demo data and its accounts (published passwords) are loaded: the login page lists them. */
  demo: z.boolean(),
  /** No administrator exists yet: the first comes from `jixiao setup` or the printed setup link. */
  needsSetup: z.boolean(),
});
export type InstanceState = z.infer<typeof InstanceStateSchema>;

/** `POST /api/setup`: the first administrator, with the one-time token from the setup link. */
export const SetupBodySchema = z.object({
  token: z.string().min(1).max(200),
  username: z.string().max(64),
  displayName: z.string().max(100).optional(),
  password: z.string().max(1000),
});
export type SetupBody = z.infer<typeof SetupBodySchema>;

/**
 * `POST /api/admin/local/backup|restore`: the header carrying the local control token, which the
 * CLI reads from the control file a running `jixiao serve` writes (src/cli/control-file.ts).
 */
export const CONTROL_TOKEN_HEADER = 'x-jixiao-control-token';
