/**
 * Which listener rule answers a request path, as an Application Load Balancer decides: rules in
 * ascending priority, the first whose path pattern matches (`*` any characters, `?` one,
 * case-sensitive, the whole path). Pure; the sandbox gateway routes with it.
 */
export function pathPatternMatches(pattern: string, path: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${re}$`).test(path);
}

export function ruleFor<R extends { priority: number; paths: readonly string[] }>(
  rules: readonly R[],
  path: string,
): R | undefined {
  return [...rules]
    .sort((a, b) => a.priority - b.priority)
    .find((r) => r.paths.some((p) => pathPatternMatches(p, path)));
}
