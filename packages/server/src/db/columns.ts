/** Column helpers shared by the schema modules. */
import { timestamp } from 'drizzle-orm/pg-core';

/** An instant: `timestamptz` (UTC), read as a `Date`. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
