/** The owning-patient column shared by the per-feature schema files. */
import { uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.js';

/** `patient_id`: the patient the row belongs to; deleting the account deletes the row. */
export const patientRef = () =>
  uuid('patient_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
