/** The Taper tab of a patient's page (issue 5): owned by the planner work. Placeholder. */
export function TaperTab(_props: {
  readonly patientId: string;
  /** A prescriber with medications consent: may create, sign and change the taper. */
  readonly canChange: boolean;
  /** The patient shares medications with the viewer. */
  readonly shared: boolean;
}) {
  return null;
}
