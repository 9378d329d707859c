import { AppError } from '../http/errors.js';

/** The one record a write just made or changed, read back (it must be there). */
export async function reloaded<T>(rows: Promise<readonly T[]>): Promise<T> {
  const [row] = await rows;
  if (row === undefined) throw new AppError('STEADY_ERR_INTERNAL');
  return row;
}
