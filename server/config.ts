import { join } from 'node:path';
import { z } from 'zod';
import { ROOT } from './paths.js';

/**
 * Where the built-in scenarios' source documents live when the environment does not say: the
 * shared seeds folder beside the project. They are not shipped with it (they are third-party
 * page captures); scenario files cite them by file name.
 */
const SEEDS = join(ROOT, '../shared/seeds');

const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Loopback by default: nothing is exposed to the network until the operator says so. */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SIGNPOST_DATA_DIR: z.string().min(1).default('./data'),
  SIGNPOST_SCENARIOS_DIR: z.string().min(1).default('./scenarios'),
  SIGNPOST_LOAD_SCENARIOS: flag.default(true),
  SIGNPOST_SOURCE_DOCUMENTS: z.string().min(1).default(SEEDS),
  SIGNPOST_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  SIGNPOST_BOOTSTRAP_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{32,256}$/, 'must be 32 to 256 visible ASCII characters')
    .optional(),
  SIGNPOST_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(10080).default(120),
  SIGNPOST_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /** Off only for plain HTTP beyond loopback, where browsers drop Secure cookies. */
  SIGNPOST_SECURE_COOKIES: flag.default(true),
  SIGNPOST_READ_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
});

export interface Config {
  port: number;
  host: string;
  /** When set, PostgreSQL through `pg`; when not, embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  scenariosDir: string;
  loadScenarios: boolean;
  /** The folder of the documents scenario files cite; quotes are checked when it exists. */
  sourceDocumentsDir: string;
  /** The first admin's password on a first start; printed at random when unset. */
  adminPassword: string | undefined;
  /** An admin API token provisioned at start, for automation; stored hashed. */
  bootstrapToken: string | undefined;
  auth: AuthSettings;
  /**
   * How long repeated API reads and token lookups may be answered from memory. Writes through
   * this process take effect at once; another process's writes within this time. 0 turns it off.
   */
  readCacheMs: number;
}

export interface AuthSettings {
  /** A session ends after this long without a request… */
  sessionIdleMs: number;
  /** …and this long after sign-in in any case. */
  sessionMaxMs: number;
  secureCookies: boolean;
}

export const DEFAULT_AUTH: AuthSettings = {
  sessionIdleMs: 120 * 60_000,
  sessionMaxMs: 12 * 3_600_000,
  secureCookies: true,
};

export class ConfigError extends Error {}

/** The only reader of the environment. Throws one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.SIGNPOST_DATA_DIR,
    scenariosDir: e.SIGNPOST_SCENARIOS_DIR,
    loadScenarios: e.SIGNPOST_LOAD_SCENARIOS,
    sourceDocumentsDir: e.SIGNPOST_SOURCE_DOCUMENTS,
    adminPassword: e.SIGNPOST_ADMIN_PASSWORD,
    bootstrapToken: e.SIGNPOST_BOOTSTRAP_TOKEN,
    readCacheMs: e.SIGNPOST_READ_CACHE_MS,
    auth: {
      sessionIdleMs: e.SIGNPOST_SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: e.SIGNPOST_SESSION_MAX_HOURS * 3_600_000,
      secureCookies: e.SIGNPOST_SECURE_COOKIES,
    },
  };
}
