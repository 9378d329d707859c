import type { AlertQueue } from './alerts/queue.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';

/** What every feature receives from the composition root. No module-level state anywhere. */
export interface AppContext {
  readonly db: Db;
  readonly config: Config;
  /** The clock, injected so tests can move time. */
  readonly now: () => Date;
  /**
   * Recomputes alerts after writes, off the request path. Absent in contexts built outside the
   * app (CLI tools, fixtures): their writes then leave alerts to `recomputeAlerts`.
   */
  readonly alerts?: AlertQueue;
}
