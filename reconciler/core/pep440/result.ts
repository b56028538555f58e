/**
 * The outcome of reading PEP 440 / PEP 508 text: a value, or a typed error that
 * says where (1-based column into the text that was given) and what was expected.
 * Nothing in this module throws for bad input; callers branch on `ok`.
 */
export interface Pep440Error {
  readonly message: string;
  /** 1-based column of the problem in the text that was parsed. */
  readonly column: number;
  /** What would have been accepted at that column. */
  readonly expected: string;
}

export type Result<T, E = Pep440Error> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function success<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function failure(
  message: string,
  column: number,
  expected: string,
): { readonly ok: false; readonly error: Pep440Error } {
  return { ok: false, error: { message, column, expected } };
}
