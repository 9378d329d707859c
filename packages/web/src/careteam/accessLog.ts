import type { AccessLogEntry } from '../shared/api/types';

const READ_VERBS = new Set(['read', 'view', 'viewed', 'list', 'get', 'export', 'summary']);

/** Audit actions are dotted verbs ("regimen.read", "regimen.create"): reads are views, the rest changes. */
export function isView(action: string): boolean {
  return READ_VERBS.has(action.split('.').at(-1) ?? '');
}

interface Row {
  readonly entry: AccessLogEntry;
  readonly count: number;
}

/**
 * One row per run of the same access: a page view reads several things at once, and the log
 * records each, so runs by the same person, of the same kind, on the same category and within
 * the same minute are shown once with a count.
 */
export function collapseEntries(entries: readonly AccessLogEntry[]): Row[] {
  const rows: Row[] = [];
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  for (const entry of sorted) {
    const last = rows.at(-1);
    if (
      last !== undefined &&
      last.entry.actor.id === entry.actor.id &&
      isView(last.entry.action) === isView(entry.action) &&
      last.entry.category === entry.category &&
      last.entry.at.slice(0, 16) === entry.at.slice(0, 16)
    ) {
      rows[rows.length - 1] = { entry: last.entry, count: last.count + 1 };
    } else {
      rows.push({ entry, count: 1 });
    }
  }
  return rows;
}
