/** What to dispense per interval and formulation for a signed taper (issue 5 item 5). Placeholder. */
export function TaperDispenseSection(_props: { readonly patientId: string }) {
  return null;
}
