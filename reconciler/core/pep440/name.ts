/**
 * PEP 503 name normalization: runs of `-`, `_` and `.` become one `-`, and the
 * name is lower-cased (`Foo.Bar__baz` → `foo-bar-baz`). Two names are the same
 * project exactly when their normalized forms are equal.
 */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}
