/**
 * The audit log's hash chain. Every entry carries `seq` (1, 2, 3, … with no gaps), the hash of
 * the entry before it (`prev_hash`; 64 zeros for the first) and its own `hash`: SHA-256 over a
 * canonical encoding of its fields and `prev_hash`. The database computes them on insert (the
 * `audit_log_chain` trigger of migration 0008, under a transaction-level advisory lock, so that
 * concurrent writers — requests, instances — never fork the chain); this module recomputes them
 * independently to verify the chain. Editing, deleting or reordering entries breaks the chain
 * at the first entry touched.
 *
 * Encoding (version 1): the fields seq, at (UTC, microseconds, `2026-03-10T12:00:00.000000Z`),
 * actor_id, patient_id, action, entity_id, details (PostgreSQL's jsonb text), ip, basis and
 * prev_hash; each is `~` when null, else `<length in UTF-8 bytes>:<text>`; joined by `|` after
 * the tag `steady-audit-v1`.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

export const GENESIS_HASH = '0'.repeat(64);

/** One entry as the verifier reads it: every hashed field as text. */
export interface ChainRow {
  readonly id: string;
  readonly seq: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly patientId: string | null;
  readonly action: string;
  readonly entityId: string | null;
  readonly details: string | null;
  readonly ip: string | null;
  readonly basis: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

const field = (value: string | null): string =>
  value === null ? '~' : `${String(Buffer.byteLength(value, 'utf8'))}:${value}`;

/** The hash an entry should have, given the hash of the entry before it. */
export function entryHash(row: Omit<ChainRow, 'id' | 'hash' | 'prevHash'>, prevHash: string) {
  const encoded = [
    'steady-audit-v1',
    field(row.seq),
    field(row.at),
    field(row.actorId),
    field(row.patientId),
    field(row.action),
    field(row.entityId),
    field(row.details),
    field(row.ip),
    field(row.basis),
    field(prevHash),
  ].join('|');
  return createHash('sha256').update(encoded, 'utf8').digest('hex');
}

export type VerifyResult =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string }
  | {
      readonly ok: false;
      /** Entries checked and found intact before the break. */
      readonly entries: number;
      readonly id: string;
      readonly seq: string;
      readonly at: string;
      readonly reason: string;
    };

/** Read in pages of this many entries: the log is never held in memory whole. */
export const VERIFY_BATCH = 1000;

async function page(db: Db, afterSeq: string, limit: number): Promise<ChainRow[]> {
  // Both drivers return `{ rows }`; the shared pg-core type cannot express that.
  const raw: unknown = await db.execute(sql`
    select id::text as "id", seq::text as "seq",
      to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "at",
      actor_id::text as "actorId", patient_id::text as "patientId", action,
      entity_id as "entityId", details::text as "details", ip, basis,
      prev_hash as "prevHash", hash
    from audit_log where audit_log.seq > ${afterSeq}::bigint
    order by audit_log.seq -- the bigint column, not the text alias
    limit ${limit}`);
  return (raw as { rows: ChainRow[] }).rows;
}

/**
 * Walk the chain in order and report the first broken link: an entry whose hash does not match
 * its fields (edited), whose `prev_hash` is not the previous entry's hash or whose `seq` skips
 * (an entry before it deleted or moved).
 */
export async function verifyChain(db: Db, batch = VERIFY_BATCH): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0n;
  let entries = 0;
  for (;;) {
    const rows = await page(db, prevSeq.toString(), batch);
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({
        ok: false,
        entries,
        id: row.id,
        seq: row.seq,
        at: row.at,
        reason,
      });
      const seq = BigInt(row.seq);
      if (seq !== prevSeq + 1n) {
        return broken(
          prevSeq === 0n
            ? `the chain starts at seq ${row.seq}, not 1: earlier entries are missing`
            : `seq ${(prevSeq + 1n).toString()} is missing: an entry was deleted or moved`,
        );
      }
      if (row.prevHash !== prevHash) {
        return broken('its previous-entry hash does not match the entry before it');
      }
      if (entryHash(row, prevHash) !== row.hash) {
        return broken('its content does not match its hash: the entry was changed');
      }
      prevHash = row.hash;
      prevSeq = seq;
      entries += 1;
    }
    if (rows.length < batch) return { ok: true, entries, lastHash: prevHash };
  }
}

/** The one-line report printed by `steady audit verify`. */
export function describeResult(result: VerifyResult): string {
  return result.ok
    ? `audit log intact: ${String(result.entries)} entries`
    : `broken at entry ${result.id} (seq ${result.seq}, ${result.at}): ${result.reason}`;
}
