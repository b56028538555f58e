/** A `name==version` pin of environment.yaml (`spec.r.packages`, `spec.julia.packages`), split. */
export function splitPin(pin: string): { name: string; version: string } {
  const at = pin.indexOf("==");
  return at < 0
    ? { name: pin, version: "" }
    : { name: pin.slice(0, at), version: pin.slice(at + 2) };
}

/** Code-unit order, as registries and Pkg sort names. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
