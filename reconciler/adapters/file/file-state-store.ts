import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { LabenvError } from "../../core/errors.js";
import type {
  AppliedRecord,
  Lease,
  LeaseResult,
  RunRecord,
  ShareAccessEvent,
  StateStore,
  SuccessionRecord,
  UsageRecord,
} from "../../ports/state-store.js";
import { writeFileAtomic } from "./atomic-write.js";
import { checkedRecord, shareEventId, type RecordKind } from "../shape/state-records.js";

/**
 * The state store under `.labenv/state/`: one JSON file per environment's
 * applied record, one per run, and a lease file created exclusively so two
 * reconcilers on one machine never apply at once.
 */
export class FileStateStore implements StateStore {
  constructor(private readonly dir: string) {}

  private file(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  async getSuccession(succession: string): Promise<SuccessionRecord | undefined> {
    return readJson(
      this.file("successions", `${succession.replace("/", "__")}.json`),
      "succession",
    );
  }

  async listSuccessions(): Promise<SuccessionRecord[]> {
    const dir = this.file("successions");
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => readJson(join(dir, f), "succession")!);
  }

  async putSuccession(record: SuccessionRecord): Promise<void> {
    writeFileAtomic(
      this.file("successions", `${record.succession.replace("/", "__")}.json`),
      `${JSON.stringify(record, null, 2)}\n`,
    );
  }

  async putShareEvent(event: ShareAccessEvent): Promise<void> {
    writeFileAtomic(
      this.file("share-events", `${shareEventId(event).replace(/[^A-Za-z0-9_.-]/g, "_")}.json`),
      `${JSON.stringify(event, null, 2)}\n`,
    );
  }

  async listShareEvents(): Promise<ShareAccessEvent[]> {
    const dir = this.file("share-events");
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => readJson(join(dir, f), "share-event")!);
  }

  async listUsage(): Promise<UsageRecord[]> {
    const dir = this.file("usage");
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => readJson(join(dir, f), "usage")!)
      .filter(Boolean);
  }

  async putUsage(record: UsageRecord): Promise<void> {
    writeFileAtomic(
      this.file("usage", `${record.environment.replace("/", "__")}.json`),
      `${JSON.stringify(record, null, 2)}\n`,
    );
  }

  async getApplied(environment: string): Promise<AppliedRecord | undefined> {
    return readJson(this.file("applied", `${environment.replace("/", "__")}.json`), "applied");
  }

  async listApplied(): Promise<AppliedRecord[]> {
    const dir = this.file("applied");
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => readJson(join(dir, f), "applied")!)
      .filter(Boolean);
  }

  async putApplied(record: AppliedRecord): Promise<void> {
    writeFileAtomic(
      this.file("applied", `${record.environment.replace("/", "__")}.json`),
      `${JSON.stringify(record, null, 2)}\n`,
    );
  }

  async deleteApplied(environment: string): Promise<void> {
    rmSync(this.file("applied", `${environment.replace("/", "__")}.json`), { force: true });
  }

  async putRun(run: RunRecord): Promise<void> {
    writeFileAtomic(
      this.file("runs", `${run.startedAt.replace(/[:.]/g, "-")}-${run.id}.json`),
      `${JSON.stringify(run, null, 2)}\n`,
    );
  }

  async listRuns(limit: number): Promise<RunRecord[]> {
    const dir = this.file("runs");
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .reverse()
      .slice(0, limit)
      .map((f) => readJson(join(dir, f), "run")!)
      .filter(Boolean);
  }

  async acquireLease(
    owner: string,
    ttlMs: number,
    now: Date,
    runId?: string,
  ): Promise<LeaseResult> {
    const path = this.file("lease.json");
    mkdirSync(this.dir, { recursive: true });
    const lease: Lease = {
      owner,
      token: randomBytes(8).toString("hex"),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      ...(runId ? { runId } : {}),
    };
    try {
      writeFileSync(path, JSON.stringify(lease), { flag: "wx" });
      return { acquired: true, lease };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST")
        throw new LabenvError("state", `cannot create ${path}`, { cause: e });
    }
    const held = readJson(path, "lease");
    if (held && new Date(held.expiresAt) > now)
      return { acquired: false, heldBy: held.owner, expiresAt: held.expiresAt, held };
    // The holder crashed: its lease expired. Take it over, then make sure no one else did at the same moment.
    writeFileAtomic(path, JSON.stringify(lease));
    const check = readJson(path, "lease");
    return check?.token === lease.token
      ? { acquired: true, lease }
      : { acquired: false, heldBy: check?.owner ?? "unknown", expiresAt: check?.expiresAt ?? "" };
  }

  async renewLease(lease: Lease, ttlMs: number, now: Date): Promise<Lease | undefined> {
    const path = this.file("lease.json");
    if (readJson(path, "lease")?.token !== lease.token) return undefined;
    const renewed = { ...lease, expiresAt: new Date(now.getTime() + ttlMs).toISOString() };
    writeFileAtomic(path, JSON.stringify(renewed));
    return renewed;
  }

  async readLease(): Promise<Lease | undefined> {
    return readJson(this.file("lease.json"), "lease");
  }

  async breakLease(token: string): Promise<Lease | undefined> {
    const path = this.file("lease.json");
    const held = readJson(path, "lease");
    if (held?.token !== token) return undefined;
    rmSync(path, { force: true });
    return held;
  }

  async releaseLease(lease: Lease): Promise<void> {
    const path = this.file("lease.json");
    if (readJson(path, "lease")?.token === lease.token) rmSync(path, { force: true });
  }
}

function readJson<K extends RecordKind>(path: string, kind: K) {
  if (!existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new LabenvError("state", `${path} is not valid JSON`, {
      cause: e,
      hint: "restore it from backup or delete it (labenv will observe the cloud again)",
    });
  }
  return checkedRecord(
    kind,
    value,
    (problem) =>
      new LabenvError("state", `${path} is not a valid ${kind} record: ${problem}`, {
        hint: "restore it from backup or delete it (labenv will observe the cloud again)",
      }),
  );
}
