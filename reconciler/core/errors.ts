/**
 * The one error type labenv throws. Each carries a stable code; the CLI, the
 * Lambda handler and the GitHub App map codes to exit codes, check-run
 * conclusions or HTTP statuses at one boundary each.
 */
export type ErrorCode =
  | "usage" // the command line or request was wrong
  | "config" // labenv.yaml or the environment is not usable
  | "git" // a git command or git host call failed
  | "io" // reading or writing files failed
  | "lease" // another reconcile holds the lease
  | "provider" // the cloud provider refused or failed
  | "state" // the state store failed
  | "plan" // a plan cannot be applied (cap exceeded, stale approval)
  | "internal";

export class LabenvError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  constructor(code: ErrorCode, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "LabenvError";
    this.code = code;
    this.hint = options.hint;
  }
}

export function isLabenvError(e: unknown): e is LabenvError {
  return e instanceof LabenvError;
}
