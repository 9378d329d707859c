/** The patient's taper on Today: current step, next step and date, due withdrawal check-in. Placeholder. */
export function TodayTaperCard() {
  return null;
}
