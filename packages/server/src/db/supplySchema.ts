/**
 * Refills, stock and missed doses (issue 7 items 5 and 6). Split from schema.ts to keep files
 * small. Consent category `medications`.
 */
import { doublePrecision, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import { patientRef } from './patientRef.js';
import { users } from './schema.js';

/**
 * The prescriber's missed-dose instruction shown to the patient. Rows are never updated: the
 * newest is in force; none means Steady's sourced default text.
 */
export const missedDoseInstructions = pgTable(
  'missed_dose_instructions',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    text: text('text').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: instant('set_at').notNull(),
  },
  (t) => [index('missed_dose_instructions_patient_idx').on(t.patientId, t.setAt)],
);

/**
 * A count of what the patient holds of one formulation (tablets, or mL of the solution), as the
 * patient counted it. Stock now = the newest count, minus doses logged since, plus dispensing
 * recorded since.
 */
export const stockCounts = pgTable(
  'stock_counts',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    /** A core `FormulationId`: 'tab2' | 'tab5' | 'tab10' | 'sol1'. */
    formulation: text('formulation').notNull(),
    quantity: doublePrecision('quantity').notNull(),
    countedAt: instant('counted_at').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    note: text('note'),
  },
  (t) => [index('stock_counts_patient_idx').on(t.patientId, t.formulation, t.countedAt)],
);
