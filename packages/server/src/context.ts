import type { Config } from './config.js';
import type { Db } from './db/client.js';

/** What every feature receives from the composition root. No module-level state anywhere. */
export interface AppContext {
  readonly db: Db;
  readonly config: Config;
  /** The clock, injected so tests can move time. */
  readonly now: () => Date;
}
