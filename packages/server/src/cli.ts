#!/usr/bin/env node
/**
 * The `steady` command: serve, migrate, create-clinic, create-clinician, demo, audit verify,
 * backup, restore.
 * Run with `npm start` (serve), `npm run steady -- <command>` or `npm run demo`.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeResult, verifyChain } from './audit/chain.js';
import { passwordProblem, passwordProblemMessage } from './auth/passwordPolicy.js';
import { createUser } from './auth/users.js';
import { BackupError } from './backup/backup.js';
import { backupCommand, restoreCommand } from './backup/commands.js';
import { DISCIPLINES } from './careteam/consent.js';
import {
  createClinic,
  createClinicWithAdmin,
  generatePassword,
  listClinics,
  type Clinic,
} from './clinics/service.js';
import { ConfigError, loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { DataDirLockedError } from './db/lock.js';
import { seedDemo } from './demo/seed.js';
import { openForConfig, startServer } from './server.js';

const USAGE = `Usage: steady <command>

Commands:
  serve                         Start Steady (API and web app) — the default
  migrate                       Apply database migrations and exit
  create-clinic --name <clinic name> --admin-email <email>
                [--admin-name <display name>] [--admin-password <password>] [--time-zone <IANA zone>]
                                Create a clinic and its administrator (prints the clinic id, and a
                                generated password if none is given)
  create-clinician --email <email> --discipline <prescriber|physical_therapist|psychologist|pharmacist>
                   [--clinic <clinic id>] [--name <display name>] [--time-zone <IANA zone>]
                   [--password <password>]
                                Create a clinician account (prints a generated password if none is
                                given). Without --clinic: the only clinic, or a new "Steady clinic"
                                when there is none
  demo                          Create a demo patient with 90 days of history, and a demo clinic
                                with about 30 patients in varied situations
  audit verify                  Check the audit log's hash chain; exits 1 at the first broken link
  backup [--out <file>]         Back up the embedded database (Steady must be stopped; while it
                                runs it backs up daily by itself). PostgreSQL: use pg_dump
  restore <file> [--force]      Restore a backup into the embedded database (Steady must be
                                stopped; --force replaces a database, which is moved aside)

Configuration comes from environment variables; see README.md.`;

const clinicianArgs = z.object({
  email: z.email(),
  discipline: z.enum(DISCIPLINES),
  clinic: z.uuid().optional(),
  name: z.string().min(1).max(100).optional(),
  'time-zone': z.string().min(1).optional(),
  password: z.string().min(12).max(256).optional(),
});
const clinicArgs = z.object({
  name: z.string().trim().min(1).max(200),
  'admin-email': z.email(),
  'admin-name': z.string().min(1).max(100).optional(),
  'admin-password': z.string().min(12).max(256).optional(),
  'time-zone': z.string().min(1).optional(),
});

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function parseOptions<T>(schema: z.ZodType<T>, args: string[], names: readonly string[]): T {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  return parsed.data;
}

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

async function createClinicCommand(args: string[]): Promise<void> {
  const input = parseOptions(clinicArgs, args, [
    'name',
    'admin-email',
    'admin-name',
    'admin-password',
    'time-zone',
  ]);
  checkChosenPassword('--admin-password', input['admin-password'], {
    email: input['admin-email'],
    displayName: input['admin-name'],
  });
  const password = input['admin-password'] ?? generatePassword();
  const created = await withDatabase((ctx) =>
    createClinicWithAdmin(ctx, input.name, {
      email: input['admin-email'],
      password,
      displayName: input['admin-name'] ?? input['admin-email'],
      timeZone: input['time-zone'] ?? localZone(),
    }),
  );
  if (created === null) {
    throw new UsageError(`An account with the email ${input['admin-email']} already exists.`);
  }
  console.log(`Created clinic "${created.clinic.name}" (id ${created.clinic.id}).`);
  console.log(`Administrator: ${created.admin.email} (id ${created.admin.id}).`);
  if (input['admin-password'] === undefined)
    console.log(`Password: ${password}  (share it safely; it is not shown again)`);
}

/** The clinic for a new clinician: the one named, the only one, or a new default clinic. */
async function clinicFor(ctx: AppContext, requested: string | undefined): Promise<Clinic> {
  const clinics = await listClinics(ctx);
  if (requested !== undefined) {
    const clinic = clinics.find((c) => c.id === requested);
    if (clinic === undefined) throw new UsageError(`No clinic has the id ${requested}.`);
    return clinic;
  }
  const [only, ...others] = clinics;
  if (only === undefined) return createClinic(ctx.db, 'Steady clinic', ctx.now());
  if (others.length > 0) {
    const list = clinics.map((c) => `  ${c.id}  ${c.name}`).join('\n');
    throw new UsageError(`There are several clinics; choose one with --clinic:\n${list}`);
  }
  return only;
}

async function createClinician(args: string[]): Promise<void> {
  const input = parseOptions(clinicianArgs, args, [
    'email',
    'discipline',
    'clinic',
    'name',
    'time-zone',
    'password',
  ]);
  checkChosenPassword('--password', input.password, {
    email: input.email,
    displayName: input.name,
  });
  const password = input.password ?? generatePassword();
  const { user, clinic } = await withDatabase(async (ctx) => {
    const clinic = await clinicFor(ctx, input.clinic);
    const user = await createUser(
      ctx.db,
      {
        email: input.email,
        password,
        displayName: input.name ?? input.email,
        role: 'clinician',
        discipline: input.discipline,
        timeZone: input['time-zone'] ?? localZone(),
        clinicId: clinic.id,
      },
      ctx.now(),
    );
    return { user, clinic };
  });
  if (user === null)
    throw new UsageError(`An account with the email ${input.email} already exists.`);
  console.log(
    `Created ${input.discipline} ${user.email} (id ${user.id}) at "${clinic.name}" (clinic ${clinic.id}).`,
  );
  if (input.password === undefined)
    console.log(`Password: ${password}  (share it safely; it is not shown again)`);
}

class UsageError extends Error {}

/** A password given on the command line follows the same rules as one chosen in the app. */
function checkChosenPassword(
  flag: string,
  password: string | undefined,
  context: { email: string; displayName: string | undefined },
): void {
  if (password === undefined) return;
  const problem = passwordProblem(password, {
    email: context.email,
    ...(context.displayName === undefined ? {} : { displayName: context.displayName }),
  });
  if (problem !== null) throw new UsageError(`${flag}: ${passwordProblemMessage(problem)}`);
}

function commandArgs(
  args: string[],
  options: Record<string, { type: 'string' | 'boolean' }>,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args, options, allowPositionals });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate':
      await withDatabase(() => Promise.resolve());
      console.log('Migrations applied.');
      return;
    case 'create-clinic':
      return createClinicCommand(rest);
    case 'create-clinician':
      return createClinician(rest);
    case 'demo': {
      const summary = await withDatabase((ctx) => seedDemo(ctx));
      console.log(summary);
      if (loadConfig(process.env).requireMfa) {
        console.log(
          'Clinicians and the administrator add a passkey or an authenticator app at their first sign-in\n' +
            '(open http://localhost:3000 for passkeys), or start with STEADY_REQUIRE_MFA=off to skip it.',
        );
      }
      return;
    }
    case 'audit': {
      if (rest.length !== 1 || rest[0] !== 'verify') throw new UsageError('Use: audit verify');
      const result = await withDatabase((ctx) => verifyChain(ctx.db));
      console.log(describeResult(result));
      if (result.ok) console.log(`newest entry hash: ${result.lastHash}`);
      else process.exitCode = 1;
      return;
    }
    case 'backup': {
      const { values } = commandArgs(rest, { out: { type: 'string' } }, false);
      await backupCommand(loadConfig(process.env), values.out as string | undefined, new Date());
      return;
    }
    case 'restore': {
      const { values, positionals } = commandArgs(rest, { force: { type: 'boolean' } }, true);
      const [file, ...extra] = positionals;
      if (file === undefined || extra.length > 0) throw new UsageError('Use: restore <file>');
      await restoreCommand(loadConfig(process.env), file, values.force === true, new Date());
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
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof BackupError
  ) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
