import { field, fieldChanges, formatValue, stringField } from "./field-diff.js";

/** Plain words for a change to `environment.yaml`. */
export function environmentWords(before: unknown, after: unknown): string[] {
  if (before === undefined && after !== undefined) return [created(after)];
  if (after === undefined) return before === undefined ? [] : ["environment deleted"];
  const words: string[] = [];
  const pair = (label: string, ...path: string[]) => {
    const a = field(before, ...path);
    const b = field(after, ...path);
    if (a !== b) words.push(`${label} ${formatValue(a)} → ${formatValue(b)}`);
  };
  pair("owner", "spec", "owner");
  pair("experiment", "metadata", "experiment");
  pair("funding", "metadata", "funding");
  pair("domain pack request", "spec", "domainPack");
  pair("state", "spec", "state");
  if (field(before, "spec", "description") !== field(after, "spec", "description"))
    words.push("description changed");
  words.push(...requestWords(field(before, "spec", "packages"), field(after, "spec", "packages")));
  words.push(...retryWords(before, after));
  words.push(
    ...fieldChanges(before, after, {
      ignore: [
        "apiVersion",
        "kind",
        "metadata.name",
        "metadata.lab",
        "metadata.experiment",
        "metadata.funding",
        "spec.owner",
        "spec.domainPack",
        "spec.state",
        "spec.description",
        "spec.packages",
        "spec.restoreFrom.attempt",
      ],
    }),
  );
  return words;
}

function created(doc: unknown): string {
  const details = [
    ["owner", stringField(doc, "spec", "owner")],
    ["domain pack", stringField(doc, "spec", "domainPack")],
    ["experiment", stringField(doc, "metadata", "experiment")],
    ["funding", stringField(doc, "metadata", "funding")],
  ].filter(([, v]) => v !== undefined);
  return details.length === 0
    ? "environment created"
    : `environment created (${details.map(([k, v]) => `${k} ${v}`).join(", ")})`;
}

/** A restore's attempt raised (or lowered): said as a retry of the restore, for an auditor. */
function retryWords(before: unknown, after: unknown): string[] {
  const a = field(before, "spec", "restoreFrom", "attempt") ?? 1;
  const b = field(after, "spec", "restoreFrom", "attempt") ?? 1;
  const snapshot = stringField(after, "spec", "restoreFrom", "snapshot");
  if (a === b || snapshot === undefined) return [];
  return [
    typeof a === "number" && typeof b === "number" && b > a
      ? `restore retried: attempt ${b} of the restore from ${snapshot}`
      : `restore attempt ${formatValue(a)} → ${formatValue(b)} (from ${snapshot})`,
  ];
}

/** Package requests (`scanpy>=1.10`) matched by distribution name. */
function requestWords(before: unknown, after: unknown): string[] {
  const a = requests(before);
  const b = requests(after);
  const words: string[] = [];
  for (const [name, req] of b) {
    const old = a.get(name);
    if (old === undefined) words.push(`package request ${req} added`);
    else if (old !== req) words.push(`package request ${old} → ${req}`);
  }
  for (const [name, req] of a) if (!b.has(name)) words.push(`package request ${req} removed`);
  return words;
}

function requests(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(v)) return out;
  for (const item of v) {
    if (typeof item !== "string") continue;
    const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(item)?.[1];
    out.set(name ? name.toLowerCase().replace(/[-_.]+/g, "-") : item, item.trim());
  }
  return out;
}
