import { hostname } from "node:os";

/** This process as a lease owner: `<host>:<pid>`. */
export function leaseOwner(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * True when `owner` (`<host>:<pid>`, optionally ` (drift)`) names a process
 * on this host that no longer exists: its lease can be broken at once
 * instead of waiting for it to expire. Another host, or a live process, is
 * never judged dead.
 */
export function holderIsDeadOnThisHost(owner: string): boolean {
  const m = /^(.+):(\d+)(?: \(drift\))?$/.exec(owner);
  if (!m || m[1] !== hostname()) return false;
  const pid = Number(m[2]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}
