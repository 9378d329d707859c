/**
 * Evidence of an alert in plain words: dates in the patient's calendar, measured values with
 * readable names. The engine writes local dates, slot keys ("2026-03-08T08:00") or instants.
 */
import type { Formatters } from '../shared/format';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLOT_KEY = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

export function formatEvidenceDate(
  value: string,
  fmt: Pick<Formatters, 'localDateFull' | 'localTime' | 'dateTime'>,
): string {
  if (LOCAL_DATE.test(value)) return fmt.localDateFull(value);
  const slot = SLOT_KEY.exec(value);
  if (slot !== null) return `${fmt.localDateFull(slot[1] ?? '')}, ${fmt.localTime(slot[2] ?? '')}`;
  return Number.isNaN(Date.parse(value)) ? value : fmt.dateTime(value);
}

/** "dailyDoseMg" → "Daily dose mg", "adherence7d" → "Adherence 7d". */
export function humanKey(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type EvidenceValue = number | string | boolean | null;

export function formatEvidenceValue(
  value: EvidenceValue,
  fmt: Pick<Formatters, 'number' | 'localDateFull'>,
  words: { yes: string; no: string; none: string },
): string {
  if (value === null) return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return fmt.number(value);
  return LOCAL_DATE.test(value) ? fmt.localDateFull(value) : value;
}
