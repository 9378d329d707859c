#!/usr/bin/env node
/**
 * The `steady` command: serve, migrate, create-clinician, demo.
 * Run with `npm start` (serve), `npm run steady -- <command>` or `npm run demo`.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createUser } from './auth/users.js';
import { ConfigError, loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { DataDirLockedError } from './db/lock.js';
import { seedDemo } from './demo/seed.js';
import { openForConfig, startServer } from './server.js';

const USAGE = `Usage: steady <command>

Commands:
  serve                         Start Steady (API and web app) — the default
  migrate                       Apply database migrations and exit
  create-clinician --email <email> --discipline <prescriber|physical_therapist|psychologist|pharmacist>
                   [--name <display name>] [--time-zone <IANA zone>] [--password <password>]
                                Create a clinician account (prints a generated password if none is given)
  demo                          Create a demo patient with 90 days of history and a clinician

Configuration comes from environment variables; see README.md.`;

const clinicianArgs = z.object({
  email: z.email(),
  discipline: z.enum(['prescriber', 'physical_therapist', 'psychologist', 'pharmacist']),
  name: z.string().min(1).max(100).optional(),
  'time-zone': z.string().min(1).optional(),
  password: z.string().min(12).max(256).optional(),
});

async function withDatabase<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const opened = await openForConfig(config);
  try {
    return await run({ db: opened.database.db, config, now: () => new Date() });
  } finally {
    await opened.close();
  }
}

async function serve(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer(config);
  console.log(`Steady is running at ${server.url}`);
  console.log(
    config.databaseUrl === null
      ? `Data: ${config.dataDir} (embedded database)`
      : 'Data: PostgreSQL (DATABASE_URL)',
  );
  const shutdown = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => {
    shutdown('SIGTERM');
  });
  process.once('SIGINT', () => {
    shutdown('SIGINT');
  });
}

async function createClinician(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      discipline: { type: 'string' },
      name: { type: 'string' },
      'time-zone': { type: 'string' },
      password: { type: 'string' },
    },
  });
  const parsed = clinicianArgs.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  const input = parsed.data;
  const { randomBytes } = await import('node:crypto');
  const password = input.password ?? randomBytes(12).toString('base64url');
  const user = await withDatabase((ctx) =>
    createUser(
      ctx.db,
      {
        email: input.email,
        password,
        displayName: input.name ?? input.email,
        role: 'clinician',
        discipline: input.discipline,
        timeZone: input['time-zone'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
      ctx.now(),
    ),
  );
  if (user === null)
    throw new UsageError(`An account with the email ${input.email} already exists.`);
  console.log(`Created ${input.discipline} ${user.email} (id ${user.id}).`);
  if (input.password === undefined)
    console.log(`Password: ${password}  (share it safely; it is not shown again)`);
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate':
      await withDatabase(() => Promise.resolve());
      console.log('Migrations applied.');
      return;
    case 'create-clinician':
      return createClinician(rest);
    case 'demo': {
      const summary = await withDatabase((ctx) => seedDemo(ctx));
      console.log(summary);
      return;
    }
    case 'help':
    case '--help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
