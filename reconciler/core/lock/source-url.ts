/**
 * A package source's URL as labenv keys, reads and locks it (`spec.r.repository`,
 * `spec.julia.registry`): without trailing slashes (before a git `#<ref>`), so `…/` and `…` are
 * one source.
 */
export function trimSourceUrl(text: string): string {
  const hash = text.indexOf("#");
  const where = hash < 0 ? text : text.slice(0, hash);
  const trimmed = where.replace(/\/+$/, "");
  return hash < 0 ? trimmed : `${trimmed}${text.slice(hash)}`;
}
