/** Placeholder: filled in by issue 7 item 2 work. */
import type { AppContext } from '../context.js';
import type { TypedApp } from '../http/types.js';

export function pushRoutes(_app: TypedApp, _ctx: AppContext): void {
  // routes come here
}
