/**
 * The complete JSON export of a patient's account: the account itself, then every row of every
 * table that belongs to the patient (found from the schema: each table with a `patient_id`
 * column, so a table added later is exported without touching this file), and the messages of
 * the patient's threads. Secrets (password, token and code hashes) are left out.
 */
import { asc, eq, getTableColumns, getTableName, inArray, is, type Column } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.js';
import * as schema from '../db/schema.js';
import { AppError } from '../http/errors.js';

/** Bumped when a reader of the file would need to change. */
export const ACCOUNT_EXPORT_FORMAT = 'steady.account-export';
export const ACCOUNT_EXPORT_VERSION = 1;

/** Columns never exported: credentials and lookup hashes, and request keys (noise). */
const SECRET_COLUMNS = new Set(['passwordHash', 'tokenHash', 'codeHash', 'csrfToken']);

type Row = Record<string, unknown>;

export interface AccountExport {
  readonly format: typeof ACCOUNT_EXPORT_FORMAT;
  readonly version: typeof ACCOUNT_EXPORT_VERSION;
  readonly exportedAt: string;
  /** Local dates in the tables are in this zone; instants are UTC. */
  readonly timeZone: string;
  readonly account: Row;
  /** The people the records name (care-team members, authors): id, name, role. */
  readonly people: readonly Row[];
  /** Table name → rows, oldest first where the table has a time. */
  readonly tables: Readonly<Record<string, readonly Row[]>>;
}

const withoutSecrets = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !SECRET_COLUMNS.has(key)));

/** Every table of the schema that has a `patientId` column, with that column. */
export function patientTables(): { name: string; table: PgTable; patientId: Column }[] {
  return (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .flatMap((table) => {
      const columns = getTableColumns(table) as Record<string, Column | undefined>;
      const patientId = columns.patientId;
      return patientId === undefined ? [] : [{ name: getTableName(table), table, patientId }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function rowsOf(ctx: AppContext, table: PgTable, where: ReturnType<typeof eq>) {
  const columns = getTableColumns(table) as Record<string, Column | undefined>;
  const order = columns.id ?? columns.patientId;
  const query = ctx.db.select().from(table).where(where);
  const rows = (order === undefined ? await query : await query.orderBy(asc(order))) as Row[];
  return rows.map(withoutSecrets);
}

/** The whole account of `patientId` as one document. */
export async function accountExport(ctx: AppContext, patientId: string): Promise<AccountExport> {
  const [account] = await ctx.db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      displayName: schema.users.displayName,
      role: schema.users.role,
      timeZone: schema.users.timeZone,
      createdAt: schema.users.createdAt,
    })
    .from(schema.users)
    .where(eq(schema.users.id, patientId));
  if (account === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
  const tables: Record<string, Row[]> = {};
  for (const { name, table, patientId: column } of patientTables()) {
    tables[name] = await rowsOf(ctx, table, eq(column, patientId));
  }
  const threadIds = (tables.message_threads ?? []).map((t) => String(t.id));
  if (threadIds.length > 0) {
    tables.messages = await rowsOf(
      ctx,
      schema.messages,
      inArray(schema.messages.threadId, threadIds),
    );
    tables.message_participants = await rowsOf(
      ctx,
      schema.messageParticipants,
      inArray(schema.messageParticipants.threadId, threadIds),
    );
  } else {
    tables.messages = [];
    tables.message_participants = [];
  }
  return {
    format: ACCOUNT_EXPORT_FORMAT,
    version: ACCOUNT_EXPORT_VERSION,
    exportedAt: ctx.now().toISOString(),
    timeZone: account.timeZone,
    account,
    people: await peopleNamed(ctx, patientId, tables),
    tables,
  };
}

/** Columns that name a user (who entered, signed, wrote, …). */
const PERSON_COLUMNS = [
  'memberId',
  'enteredBy',
  'recordedBy',
  'assignedBy',
  'endedBy',
  'authorId',
  'createdBy',
  'signedBy',
  'resolvedBy',
  'acknowledgedBy',
  'answeredBy',
  'closedBy',
  'reviewedBy',
  'voidedBy',
  'userId',
  'actorId',
];

async function peopleNamed(
  ctx: AppContext,
  patientId: string,
  tables: Readonly<Record<string, readonly Row[]>>,
): Promise<Row[]> {
  const ids = new Set<string>();
  for (const rows of Object.values(tables)) {
    for (const row of rows) {
      for (const key of PERSON_COLUMNS) {
        const value = row[key];
        if (typeof value === 'string' && value !== patientId) ids.add(value);
      }
    }
  }
  if (ids.size === 0) return [];
  return ctx.db
    .select({
      id: schema.users.id,
      displayName: schema.users.displayName,
      role: schema.users.role,
      discipline: schema.users.discipline,
    })
    .from(schema.users)
    .where(inArray(schema.users.id, [...ids]))
    .orderBy(asc(schema.users.displayName), asc(schema.users.id));
}
