import { type AppError, type ErrorCode, isAppError } from '../src/domain/errors.ts';

/** Awaits a promise that must fail with an AppError of `code`, and returns that error. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) throw new Error(`expected AppError ${code}, but the promise resolved`);
  if (!isAppError(caught)) throw caught;
  if (caught.code !== code) throw new Error(`expected AppError ${code}, got ${caught.code}: ${caught.message}`);
  return caught;
}
