import { field } from "./field-diff.js";

/** The environments a succession hands over: those it names, or (naming none) every one in the lab. */
export function handedOver(
  succession: unknown,
  tree: ReadonlyMap<string, string>,
  lab: string,
): string[] {
  const named = field(succession, "spec", "environments");
  if (Array.isArray(named))
    return named.filter((x): x is string => typeof x === "string").map((x) => `${lab}/${x}`);
  return labEnvironments(tree, lab);
}

function labEnvironments(tree: ReadonlyMap<string, string>, lab: string): string[] {
  const prefix = `environments/${lab}/`;
  const out: string[] = [];
  for (const path of tree.keys()) {
    if (
      path.startsWith(prefix) &&
      path.endsWith("/environment.yaml") &&
      path.split("/").length === 4
    )
      out.push(`${lab}/${path.split("/")[2]}`);
  }
  return out;
}
