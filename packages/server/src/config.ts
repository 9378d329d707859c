import path from 'node:path';
import { z } from 'zod';

/** A decimal whole number (z.coerce would read " " as 0 and "0x50" as 80). */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Every environment variable Steady reads. The README's configuration table mirrors this list. */
const envSchema = z.object({
  PORT: wholeNumber(0, 65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  STEADY_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STEADY_WEB_DIR: z.string().min(1).optional(),
  STEADY_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  STEADY_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  STEADY_SESSION_HOURS: wholeNumber(1, 24 * 365).default(24 * 14),
  STEADY_BODY_LIMIT_BYTES: wholeNumber(1024, 50 * 1024 * 1024).default(1024 * 1024),
  STEADY_LOGIN_MAX_FAILURES: wholeNumber(1, 1000).default(5),
  STEADY_LOGIN_WINDOW_MINUTES: wholeNumber(1, 24 * 60).default(15),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute directory of the embedded database and the instance lock. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when absent the embedded database (PGlite) is used. */
  readonly databaseUrl: string | null;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Built web app to serve, or null to serve the API only. */
  readonly webDir: string | null;
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly sessionHours: number;
  readonly bodyLimitBytes: number;
  readonly loginMaxFailures: number;
  readonly loginWindowMinutes: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The web build next to this package (works from src/ and dist/). */
export function defaultWebDir(): string {
  return path.resolve(import.meta.dirname, '../../web/dist');
}

/**
 * Parse the configuration once from the environment. Throws ConfigError naming every bad variable.
 *
 * @example
 * loadConfig({ PORT: '8080' }).port // → 8080
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // An empty variable (`PORT=` in a .env or compose file) means "unset", never 0 or "".
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.STEADY_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    logLevel: e.LOG_LEVEL,
    webDir: e.STEADY_WEB_DIR === undefined ? defaultWebDir() : path.resolve(e.STEADY_WEB_DIR),
    secureCookies: e.STEADY_SECURE_COOKIES === 'true',
    trustProxy: e.STEADY_TRUST_PROXY === 'true',
    sessionHours: e.STEADY_SESSION_HOURS,
    bodyLimitBytes: e.STEADY_BODY_LIMIT_BYTES,
    loginMaxFailures: e.STEADY_LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.STEADY_LOGIN_WINDOW_MINUTES,
  };
}
