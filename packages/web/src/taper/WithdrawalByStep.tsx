/** Withdrawal check-in scores trended per taper step, for the prescriber (issue 5 item 3). Placeholder. */
export function WithdrawalByStep(_props: { readonly patientId: string }) {
  return null;
}
