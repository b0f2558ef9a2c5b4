import { JialingError, UsageError } from '../../errors.ts';
import { ReviewEditError } from '../review-workspace.ts';

/** An error as the page receives it. */
export interface ErrorResponse {
  readonly status: 404 | 422 | 500;
  readonly body: { readonly message: string; readonly hint?: string; readonly problems?: ReviewEditError['problems'] };
  /** Whether the error is a bug to report rather than something a person can act on. */
  readonly isUnexpected: boolean;
}

/** Maps an error thrown by the workspace to a status and a JSON body: edits refused → 422 with each problem, unknown article → 404. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof ReviewEditError) return { status: 422, body: { message: error.message, problems: error.problems }, isUnexpected: false };
  if (error instanceof UsageError) return { status: 404, body: { message: error.message, hint: error.hint }, isUnexpected: false };
  if (error instanceof JialingError) return { status: 500, body: { message: error.message, hint: error.hint }, isUnexpected: false };
  return { status: 500, body: { message: 'Unexpected internal error; the terminal running `jialing review` shows the details.' }, isUnexpected: true };
}
