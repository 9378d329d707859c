/** Check-ups, visit questions, the "since the last visit" summary and clinician notes. */
import type { AppContext } from '../context.js';
import type { TypedApp } from '../http/types.js';
import { appointmentRoutes } from './appointments.js';
import { clinicianNoteRoutes } from './notes.js';
import { visitQuestionRoutes } from './questions.js';
import { visitSummaryRoutes } from './summary.js';

export function checkupRoutes(app: TypedApp, ctx: AppContext): void {
  appointmentRoutes(app, ctx);
  visitQuestionRoutes(app, ctx);
  visitSummaryRoutes(app, ctx);
  clinicianNoteRoutes(app, ctx);
}
