/** Placeholder: filled in by issue 7 item 2 work (Web Push delivery). */
import type { AppContext } from '../context.js';

export interface PushOutcome {
  /** Devices the push service accepted it for. */
  readonly sent: number;
  readonly failed: number;
}

/**
 * Send one stored notification to every push device of its recipient, and record the outcome
 * on the notification (`push_status`). Never throws for a device's failure.
 */
export async function pushNotification(
  _ctx: AppContext,
  _notificationId: string,
): Promise<PushOutcome> {
  return Promise.resolve({ sent: 0, failed: 0 });
}
