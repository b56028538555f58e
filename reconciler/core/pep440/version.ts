import { PYTHON_SPACE_CLASS } from "./python-text.js";
import { failure, success, type Result } from "./result.js";

export { compareVersions, versionsEqual } from "./version-order.js";

/**
 * A PEP 440 version split into its parts. Numbers are `bigint` because PEP 440
 * puts no bound on them (date-stamped releases and build numbers exceed 2^53),
 * and a lock must compare them exactly.
 */
export interface Version {
  readonly epoch: bigint;
  readonly release: readonly bigint[];
  readonly pre?: { readonly label: PreReleaseLabel; readonly number: bigint };
  readonly post?: bigint;
  readonly dev?: bigint;
  /** Local label segments: numbers where the segment is all digits, lower-case text otherwise. */
  readonly local?: readonly (string | bigint)[];
}

export type PreReleaseLabel = "a" | "b" | "rc";

/** Every spelling PEP 440 accepts, in the order the grammar tries them. */
const VERSION_BODY =
  "v?" +
  "(?:(?<epoch>[0-9]+)!)?" +
  "(?<release>[0-9]+(?:\\.[0-9]+)*)" +
  "(?:[._-]?(?<preLabel>alpha|a|beta|b|preview|pre|c|rc)[._-]?(?<preNumber>[0-9]+)?)?" +
  "(?<post>-(?<implicitPost>[0-9]+)|[._-]?(?:post|rev|r)[._-]?(?<postNumber>[0-9]+)?)?" +
  "(?<dev>[._-]?dev[._-]?(?<devNumber>[0-9]+)?)?" +
  "(?:\\+(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)*))?";

const VERSION_TEXT = new RegExp(
  `^[${PYTHON_SPACE_CLASS}]*${VERSION_BODY}[${PYTHON_SPACE_CLASS}]*$`,
  "i",
);

const PRE_LABELS: Readonly<Record<string, PreReleaseLabel>> = {
  a: "a",
  alpha: "a",
  b: "b",
  beta: "b",
  c: "rc",
  rc: "rc",
  pre: "rc",
  preview: "rc",
};

export const VERSION_EXPECTED =
  "a PEP 440 version such as 1.2.3, 2.0rc1, 1.0.post2, 1!2.0 or 2.1.0+cu121";

export function parseVersion(text: string): Result<Version> {
  const match = VERSION_TEXT.exec(text);
  const groups = match?.groups;
  if (!groups || groups.release === undefined) {
    return failure(`invalid version ${JSON.stringify(text)}`, 1, VERSION_EXPECTED);
  }
  const version: {
    epoch: bigint;
    release: bigint[];
    pre?: { label: PreReleaseLabel; number: bigint };
    post?: bigint;
    dev?: bigint;
    local?: (string | bigint)[];
  } = {
    epoch: groups.epoch === undefined ? 0n : BigInt(groups.epoch),
    release: groups.release.split(".").map((part) => BigInt(part)),
  };
  if (groups.preLabel !== undefined) {
    const label = PRE_LABELS[groups.preLabel.toLowerCase()] ?? "rc";
    version.pre = { label, number: BigInt(groups.preNumber ?? "0") };
  }
  if (groups.post !== undefined)
    version.post = BigInt(groups.implicitPost ?? groups.postNumber ?? "0");
  if (groups.dev !== undefined) version.dev = BigInt(groups.devNumber ?? "0");
  if (groups.local !== undefined) {
    version.local = groups.local
      .split(/[._-]/)
      .map((part) => (/^[0-9]+$/.test(part) ? BigInt(part) : part.toLowerCase()));
  }
  return success(version);
}

/** The canonical spelling, as `str(packaging.version.Version(...))` writes it. */
export function formatVersion(version: Version): string {
  let text = version.release.join(".");
  if (version.epoch !== 0n) text = `${version.epoch}!${text}`;
  if (version.pre) text += `${version.pre.label}${version.pre.number}`;
  if (version.post !== undefined) text += `.post${version.post}`;
  if (version.dev !== undefined) text += `.dev${version.dev}`;
  if (version.local) text += `+${version.local.join(".")}`;
  return text;
}

/** `1.0-alpha1` → `1.0a1`, `v1.0` → `1.0`, `1.0-1` → `1.0.post1`. */
export function normalizeVersion(text: string): Result<string> {
  const parsed = parseVersion(text);
  return parsed.ok ? success(formatVersion(parsed.value)) : parsed;
}

/** A pre-release in PEP 440's sense: it has an alpha/beta/rc or a dev segment. */
export function isPrerelease(version: Version): boolean {
  return version.pre !== undefined || version.dev !== undefined;
}

export function isPostrelease(version: Version): boolean {
  return version.post !== undefined;
}

export function isDevrelease(version: Version): boolean {
  return version.dev !== undefined;
}

/** The version without its local label. */
export function publicVersion(version: Version): Version {
  if (!version.local) return version;
  const { local: _local, ...rest } = version;
  return rest;
}

/** Epoch and release only: `1!2.0rc1.post3+x` → `1!2.0`. */
export function baseVersion(version: Version): Version {
  return { epoch: version.epoch, release: version.release };
}
