/** Placeholder: filled in by issue 7 item 2 work. */
export function RemindersPage() {
  return null;
}
