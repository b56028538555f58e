import { field, fieldChanges, formatValue, stringField } from "./field-diff.js";

const IDENTITY = [
  "apiVersion",
  "kind",
  "metadata.name",
  "metadata.lab",
  "metadata.environment",
  "metadata.version",
];

/** Plain words for snapshots, shares, successions, labs and domain packs. */
export function snapshotWords(name: string, before: unknown, after: unknown): string[] {
  // Git holds the request; whether it was captured is the manifest's to say (`labenv snapshot list`).
  if (before === undefined) return after === undefined ? [] : [`snapshot ${name} requested`];
  if (after === undefined) return [`snapshot ${name} deleted`];
  return prefixed(`snapshot ${name}:`, fieldChanges(before, after, { ignore: IDENTITY }));
}

/** A snapshot's record in git (`<name>.lock.yaml`): it was captured, as the manifest it names says. */
export function snapshotRecordWords(name: string, before: unknown, after: unknown): string[] {
  if (after === undefined) return [`snapshot ${name}: its capture record deleted`];
  const digest = stringField(after, "spec", "manifest", "digest");
  const at = stringField(after, "spec", "capturedAt");
  const what = `snapshot ${name} captured${at ? ` ${at}` : ""}${digest ? ` (manifest ${digest.slice(0, 19)}…)` : ""}`;
  return before === undefined ? [what] : [`${what}, record updated`];
}

export function shareWords(name: string, before: unknown, after: unknown): string[] {
  if (before === undefined) {
    if (after === undefined) return [];
    const details = [
      stringField(after, "spec", "access"),
      stringField(after, "spec", "snapshot") &&
        `snapshot ${stringField(after, "spec", "snapshot")}`,
      stringField(after, "spec", "expires") && `until ${stringField(after, "spec", "expires")}`,
      members(after),
    ];
    return [
      `shared with ${stringField(after, "spec", "to", "lab") ?? "?"} as ${name} (${details.filter(Boolean).join(", ")})`,
    ];
  }
  if (after === undefined)
    return [`share ${name} with ${stringField(before, "spec", "to", "lab") ?? "?"} revoked`];
  return prefixed(
    `share ${name}:`,
    fieldChanges(before, after, { ignore: [...IDENTITY, "spec.purpose"] }).concat(
      field(before, "spec", "purpose") !== field(after, "spec", "purpose")
        ? ["purpose changed"]
        : [],
    ),
  );
}

function members(share: unknown): string | undefined {
  const m = field(share, "spec", "to", "members");
  return Array.isArray(m) ? `members ${formatValue(m)}` : undefined;
}

export function successionWords(name: string, before: unknown, after: unknown): string[] {
  if (before === undefined) {
    if (after === undefined) return [];
    const envs = field(after, "spec", "environments");
    const scope = Array.isArray(envs) ? envs.join(", ") : "every environment they own";
    const effective = stringField(after, "spec", "effective");
    return [
      `succession ${name}: ${stringField(after, "spec", "from") ?? "?"} → ${stringField(after, "spec", "to") ?? "?"} (${scope})${effective ? `, effective ${effective}` : ""}`,
    ];
  }
  if (after === undefined) return [`succession ${name} withdrawn`];
  return prefixed(
    `succession ${name}:`,
    fieldChanges(before, after, { ignore: [...IDENTITY, "spec.reason"] }),
  );
}

export function labWords(lab: string, before: unknown, after: unknown): string[] {
  if (before === undefined) return after === undefined ? [] : [`lab ${lab} created`];
  if (after === undefined) return [`lab ${lab} deleted`];
  return prefixed(`lab ${lab}:`, fieldChanges(before, after, { ignore: IDENTITY }));
}

export function domainPackWords(label: string, before: unknown, after: unknown): string[] {
  if (before === undefined) return after === undefined ? [] : [`domain pack ${label} published`];
  if (after === undefined) return [`domain pack ${label} removed`];
  return prefixed(`domain pack ${label}:`, fieldChanges(before, after, { ignore: IDENTITY }));
}

function prefixed(prefix: string, words: string[]): string[] {
  return words.length === 0
    ? [`${prefix.slice(0, -1)} rewritten (same content)`]
    : words.map((w) => `${prefix} ${w}`);
}
