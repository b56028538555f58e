import type { Diagnostic } from "../../model/diagnostic.js";
import type { Loaded } from "../../model/documents.js";
import { splitPin } from "../../lock/pin.js";
import { finding } from "../rule.js";

/**
 * A finding at each pin of `spec.<field>.packages` whose package an earlier pin already names
 * (R's and Julia's pins alike), and the names pinned, each with its first index.
 */
export function pinnedTwice(
  env: Loaded<"Environment">,
  field: "r" | "julia",
  language: string,
  pins: readonly string[],
): { findings: Diagnostic[]; names: Map<string, number> } {
  const findings: Diagnostic[] = [];
  const names = new Map<string, number>();
  pins.forEach((pin, i) => {
    const { name } = splitPin(pin);
    const first = names.get(name);
    if (first === undefined) return void names.set(name, i);
    findings.push(
      finding(
        env,
        ["spec", field, "packages", i],
        `${field}-packages`,
        `${language} package ${name} is pinned twice (spec.${field}.packages[${first}] and [${i}])`,
        "keep one pin per package",
      ),
    );
  });
  return { findings, names };
}
