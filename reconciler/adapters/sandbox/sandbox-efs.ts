import type { SandboxAccount, SandboxDirectory } from "./sandbox-account.js";

/**
 * EFS as an access point sees it. A root directory is created with the access point's
 * CreationInfo only when it does not exist yet; an existing directory keeps the owner it was
 * made with, whatever a later access point for the same path asks for. That is what AWS does,
 * so the sandbox does it too: an owner change never makes the existing home the new owner's.
 */
export function ensureDirectory(account: SandboxAccount, wanted: SandboxDirectory): void {
  if (directoryAt(account, wanted.path) !== undefined) return;
  account.directories = [...(account.directories ?? []), structuredClone(wanted)];
}

/**
 * The directory at `path`: as recorded, or, in an account made before directories were
 * recorded, as the first access point for that path created it.
 */
export function directoryAt(account: SandboxAccount, path: string): SandboxDirectory | undefined {
  const recorded = (account.directories ?? []).find((d) => d.path === path);
  if (recorded !== undefined) return recorded;
  const first = account.accessPoints.find(
    (a) => a.rootDirectory.path === path && a.rootDirectory.owner !== undefined,
  );
  if (first === undefined) return undefined;
  const { owner, permissions } = first.rootDirectory;
  return { path, owner: { ...owner! }, permissions: permissions ?? "0755" };
}

/**
 * Whether a process using this access point (its POSIX user, which EFS enforces for every
 * request) may create files in the access point's root directory: the owner's, group's or
 * others' write bit, as POSIX checks it (uid 0 is not special through an access point).
 */
export function canWriteRoot(account: SandboxAccount, accessPointId: string): boolean {
  return (rootBits(account, accessPointId) & 0o3) === 0o3;
}

/** Whether a process using this access point may list and read its root directory (r-x). */
export function canReadRoot(account: SandboxAccount, accessPointId: string): boolean {
  return (rootBits(account, accessPointId) & 0o5) === 0o5;
}

/** The permission bits (rwx) the access point's POSIX user has on its root directory; 0 when it has none. */
function rootBits(account: SandboxAccount, accessPointId: string): number {
  const ap = account.accessPoints.find((a) => a.id === accessPointId);
  if (ap === undefined) return 0;
  const dir = directoryAt(account, ap.rootDirectory.path);
  if (dir === undefined) return 0;
  const mode = Number.parseInt(dir.permissions, 8);
  return ap.posixUser.uid === dir.owner.uid
    ? (mode >> 6) & 7
    : ap.posixUser.gid === dir.owner.gid
      ? (mode >> 3) & 7
      : mode & 7;
}
