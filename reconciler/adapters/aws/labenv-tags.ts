import { TAG } from "../../core/model/resources.js";

/**
 * Tags the AWS provider writes next to the contract tags, to carry what AWS
 * cannot hold in the resource itself (an access point's purpose, the service a
 * snapshot came from…). They are stripped from observed tags.
 */
export const PROVIDER_TAG = {
  purpose: "labenv:purpose",
  service: "labenv:service",
  accessPoint: "labenv:access-point",
  trigger: "labenv:trigger",
  description: "labenv:description",
  volume: "labenv:volume",
  fromSnapshot: "labenv:from-snapshot",
  /** On a share's access point: the share (`lab/name`); DeleteAccessPoint is granted only with it. */
  share: "labenv:share",
  /** On a share's access point: the receiving `lab/member`. */
  shareMember: "labenv:share-member",
} as const;

const CONTRACT_TAGS: ReadonlySet<string> = new Set(Object.values(TAG));

type UpperTag = { Key?: string | undefined; Value?: string | undefined };
type LowerTag = { key?: string | undefined; value?: string | undefined };

export function fromUpperTags(tags: UpperTag[] | undefined): Record<string, string> {
  return Object.fromEntries(
    (tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key as string, t.Value ?? ""]),
  );
}

export function fromLowerTags(tags: LowerTag[] | undefined): Record<string, string> {
  return Object.fromEntries(
    (tags ?? []).filter((t) => t.key !== undefined).map((t) => [t.key as string, t.value ?? ""]),
  );
}

/** Tags in a stable order (by key), so requests are deterministic. */
export function toUpperTags(tags: Record<string, string>): { Key: string; Value: string }[] {
  return sortedEntries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function toLowerTags(tags: Record<string, string>): { key: string; value: string }[] {
  return sortedEntries(tags).map(([key, value]) => ({ key, value }));
}

/** The contract tags (`labenv:lab`, `labenv:resource`…) of a resource, in key order: what observe reports. */
export function ownedTags(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(sortedEntries(tags).filter(([k]) => CONTRACT_TAGS.has(k)));
}

/** What identifies a labenv resource: its key and environment, read from its tags. */
export function identityOf(
  tags: Record<string, string>,
): { key: string; environment: string } | undefined {
  const key = tags[TAG.resource];
  if (key === undefined || key === "") return undefined;
  return { key, environment: tags[TAG.environment] ?? "" };
}

function sortedEntries(tags: Record<string, string>): [string, string][] {
  return Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The wanted tags a resource lacks or carries with another value (what a tag-only update must write). */
export function staleTags(
  live: Record<string, string>,
  wanted: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => live[k] !== v));
}
