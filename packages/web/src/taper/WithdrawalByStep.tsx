/** Withdrawal check-in scores trended per taper step, for the prescriber (issue 5 item 3). Placeholder. */
export function WithdrawalByStep(props: { readonly patientId: string }) {
  void props;
  return null;
}
