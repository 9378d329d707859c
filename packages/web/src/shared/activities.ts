/** Suggested activities, stored by stable key (free text is stored as typed). */
export const ACTIVITY_KEYS = [
  'walking',
  'stretching',
  'physio',
  'relaxation',
  'heat',
  'work',
  'housework',
  'rest',
] as const;
export type ActivityKey = (typeof ACTIVITY_KEYS)[number];

export function isActivityKey(value: string): value is ActivityKey {
  return (ACTIVITY_KEYS as readonly string[]).includes(value);
}
