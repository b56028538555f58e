import type { PreReleaseLabel, Version } from "./version.js";

const PRE_RANK: Readonly<Record<PreReleaseLabel, number>> = { a: 0, b: 1, rc: 2 };

/**
 * PEP 440 ordering: negative when `left` sorts first, 0 when equal (`1.0 == 1.0.0`,
 * `1.0c1 == 1.0rc1`), positive otherwise. Same order as `packaging.version.Version`.
 */
export function compareVersions(left: Version, right: Version): number {
  return (
    compareBig(left.epoch, right.epoch) ||
    compareRelease(left.release, right.release) ||
    compareSuffix(left, right) ||
    compareLocal(left.local, right.local)
  );
}

export function versionsEqual(left: Version, right: Version): boolean {
  return compareVersions(left, right) === 0;
}

function compareBig(left: bigint, right: bigint): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function compareRelease(left: readonly bigint[], right: readonly bigint[]): number {
  const a = trimTrailingZeros(left);
  const b = trimTrailingZeros(right);
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i += 1) {
    const order = compareBig(a[i] ?? 0n, b[i] ?? 0n);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function trimTrailingZeros(release: readonly bigint[]): readonly bigint[] {
  let end = release.length;
  while (end > 0 && release[end - 1] === 0n) end -= 1;
  return end === release.length ? release : release.slice(0, end);
}

/** pre-release rank (dev-only < a < b < rc < final), then post, then dev (dev sorts first). */
function compareSuffix(left: Version, right: Version): number {
  const a = suffixKey(left);
  const b = suffixKey(right);
  for (let i = 0; i < a.length; i += 1) {
    const order = compareBig(a[i] ?? 0n, b[i] ?? 0n);
    if (order !== 0) return order;
  }
  return 0;
}

function suffixKey(version: Version): readonly bigint[] {
  const preRank =
    version.pre !== undefined
      ? BigInt(PRE_RANK[version.pre.label])
      : version.post === undefined && version.dev !== undefined
        ? -1n
        : 3n;
  return [
    preRank,
    version.pre?.number ?? 0n,
    version.post === undefined ? 0n : 1n,
    version.post ?? 0n,
    version.dev === undefined ? 1n : 0n,
    version.dev ?? 0n,
  ];
}

/** No label sorts first; text segments sort before numbers; a shorter equal prefix sorts first. */
function compareLocal(left: Version["local"], right: Version["local"]): number {
  if (!left || !right) return (left ? 1 : 0) - (right ? 1 : 0);
  const shared = Math.min(left.length, right.length);
  for (let i = 0; i < shared; i += 1) {
    const a = left[i];
    const b = right[i];
    if (typeof a === "string" && typeof b === "string") {
      if (a !== b) return a < b ? -1 : 1;
    } else if (typeof a === "bigint" && typeof b === "bigint") {
      const order = compareBig(a, b);
      if (order !== 0) return order;
    } else {
      return typeof a === "string" ? -1 : 1;
    }
  }
  return left.length - right.length;
}
