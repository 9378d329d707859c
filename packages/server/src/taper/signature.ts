/**
 * Signing a taper needs the prescriber to confirm their password (a second factor later). The
 * check goes through the sign-in verification, so wrong passwords count toward the same
 * per-account throttle as failed sign-ins and a throttled account answers 429.
 */
import type { SessionUser } from '../auth/sessions.js';
import { verifyLogin } from '../auth/users.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';

export const SIGNATURE_METHOD = 'password';

/** Throws STEADY_ERR_SIGNATURE_FAILED (403) unless `password` is the signer's own. */
export async function confirmSignature(
  ctx: AppContext,
  signer: SessionUser,
  password: string,
): Promise<string> {
  try {
    const verified = await verifyLogin(ctx.db, signer.email, password, ctx.now(), {
      maxFailures: ctx.config.loginMaxFailures,
      windowMinutes: ctx.config.loginWindowMinutes,
    });
    if (verified.id !== signer.id) throw new AppError('STEADY_ERR_SIGNATURE_FAILED');
  } catch (error) {
    if (error instanceof AppError && error.code === 'STEADY_ERR_INVALID_CREDENTIALS') {
      throw new AppError('STEADY_ERR_SIGNATURE_FAILED');
    }
    throw error;
  }
  return SIGNATURE_METHOD;
}
