import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { LabenvError } from "../../core/errors.js";
import { writeFileAtomic } from "../file/atomic-write.js";

/**
 * The sandbox: a local simulation of the AWS resources labenv manages,
 * persisted as one JSON file. Identifiers, ARNs, tag rules and the errors AWS
 * returns for the calls labenv makes follow AWS; nothing here is real.
 */
export interface SandboxAccount {
  version: 1;
  accountId: string;
  region: string;
  cluster: string;
  fileSystemId: string;
  sequence: number;
  accessPoints: {
    id: string;
    arn: string;
    clientToken: string;
    posixUser: { uid: number; gid: number };
    rootDirectory: { path: string; owner: { uid: number; gid: number }; permissions: string };
    tags: Record<string, string>;
  }[];
  taskDefinitions: {
    arn: string;
    family: string;
    revision: number;
    status: "ACTIVE" | "INACTIVE";
    body: Record<string, unknown>;
    tags: Record<string, string>;
  }[];
  services: {
    arn: string;
    name: string;
    status: "ACTIVE" | "INACTIVE";
    taskDefinitionArn: string;
    desiredCount: number;
    body: Record<string, unknown>;
    tags: Record<string, string>;
  }[];
  tasks: {
    arn: string;
    serviceArn: string;
    taskDefinitionArn: string;
    lastStatus: "RUNNING" | "STOPPED";
    volumeId: string;
    startedAt: string;
    stoppedAt?: string;
  }[];
  volumes: { id: string; sizeGiB: number; fromSnapshot?: string; state: "in-use" | "deleted" }[];
  snapshots: {
    id: string;
    volumeId: string;
    description: string;
    state: "completed";
    startTime: string;
    tags: Record<string, string>;
  }[];
  backupJobs: {
    id: string;
    resourceArn: string;
    recoveryPointArn: string;
    state: "COMPLETED";
    creationDate: string;
    tags: Record<string, string>;
  }[];
}

export function newAccount(region: string, cluster: string): SandboxAccount {
  return {
    version: 1,
    accountId: "000000000000",
    region,
    cluster,
    fileSystemId: `fs-${hex("labenv-sandbox-fs", 17)}`,
    sequence: 0,
    accessPoints: [],
    taskDefinitions: [],
    services: [],
    tasks: [],
    volumes: [],
    snapshots: [],
    backupJobs: [],
  };
}

export function loadAccount(path: string, region: string, cluster: string): SandboxAccount {
  if (!existsSync(path)) return newAccount(region, cluster);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as SandboxAccount;
  } catch (e) {
    throw new LabenvError("provider", `the sandbox account ${path} is not valid JSON`, {
      cause: e,
      hint: "delete .labenv/sandbox to start a fresh simulation",
    });
  }
}

export function saveAccount(path: string, account: SandboxAccount): void {
  writeFileAtomic(path, `${JSON.stringify(account, null, 1)}\n`);
}

/** A fresh identifier with AWS's shape: deterministic from the account's sequence, so runs are reproducible. */
export function nextId(account: SandboxAccount, prefix: string, length: number): string {
  account.sequence += 1;
  return `${prefix}${hex(`${account.fileSystemId}/${account.sequence}`, length)}`;
}

function hex(seed: string, length: number): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

export function arn(account: SandboxAccount, service: string, resource: string): string {
  return `arn:aws:${service}:${account.region}:${account.accountId}:${resource}`;
}

/** AWS tag rules: at most 50 tags, keys ≤ 128 and values ≤ 256 characters, no `aws:` prefix. */
export function checkTags(tags: Record<string, string>): void {
  const entries = Object.entries(tags);
  if (entries.length > 50)
    throw awsError(
      "ValidationException",
      "Tag limit exceeded: a resource can have at most 50 tags",
    );
  for (const [k, v] of entries) {
    if (k.length === 0 || k.length > 128)
      throw awsError("ValidationException", `Tag key must be 1-128 characters: ${k}`);
    if (v.length > 256)
      throw awsError("ValidationException", `Tag value must be at most 256 characters (key ${k})`);
    if (k.toLowerCase().startsWith("aws:"))
      throw awsError("ValidationException", "Tag keys starting with aws: are reserved");
  }
}

export function awsError(name: string, message: string): LabenvError {
  return new LabenvError("provider", `${name}: ${message} (sandbox)`);
}
