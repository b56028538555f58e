import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { LabenvError } from "../../core/errors.js";
import { writeFileAtomic } from "../file/atomic-write.js";
import { shapeProblem, type Shape } from "../shape/shape.js";
import type { ImageContents } from "./sandbox-image.js";
import type { SandboxChange } from "./sandbox-exec-state.js";

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
    /** CreationInfo (owner, permissions) is absent on an access point that never creates its directory (a share's). */
    rootDirectory: { path: string; owner?: { uid: number; gid: number }; permissions?: string };
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
  volumes: {
    id: string;
    sizeGiB: number;
    fromSnapshot?: string;
    /** Created from a snapshot named in the service (a restore): it holds what that volume held. */
    restored?: boolean;
    state: "in-use" | "deleted";
  }[];
  snapshots: {
    id: string;
    volumeId: string;
    description: string;
    state: "completed";
    startTime: string;
    tags: Record<string, string>;
    /** What was installed on the volume beyond the image (`labenv sandbox exec`) when it was taken. */
    changes?: (SandboxChange & { at: string })[];
  }[];
  backupJobs: {
    id: string;
    resourceArn: string;
    recoveryPointArn: string;
    state: "COMPLETED";
    creationDate: string;
    tags: Record<string, string>;
  }[];
  /** Images pushed to the account's registry (ECR): absent in accounts made before image builds. */
  images?: SandboxImage[];
  /**
   * EFS directories made as access points' root directories. EFS applies an access point's
   * CreationInfo (owner, permissions) only when it creates the directory; a later access point
   * for the same path never changes its owner. Absent in accounts made before this was modelled
   * (see `sandbox-efs.ts`).
   */
  directories?: SandboxDirectory[];
  /** ELBv2 target groups (absent in accounts made before researcher access). */
  targetGroups?: SandboxTargetGroup[];
  /** The rules of the sandbox's one listener (absent in accounts made before researcher access). */
  listenerRules?: SandboxListenerRule[];
  /** IAM roles (environment task roles; absent in accounts made before they were modelled). */
  roles?: SandboxRole[];
}

/** An IAM role, its documents kept as the JSON text IAM keeps. */
export interface SandboxRole {
  arn: string;
  name: string;
  path: string;
  permissionsBoundary: string;
  assumeRolePolicy: string;
  /** Inline policies by name. */
  policies: { name: string; document: string }[];
  tags: Record<string, string>;
}

/** A target group: ECS registers a running task's address in it. */
export interface SandboxTargetGroup {
  arn: string;
  name: string;
  protocol: string;
  port: number;
  targetType: string;
  healthCheckPath: string;
  tags: Record<string, string>;
}

/** A listener rule: path patterns at a priority, forwarding to a target group ARN or to the wake target. */
export interface SandboxListenerRule {
  arn: string;
  priority: number;
  paths: string[];
  /** A target group ARN, or the listener's wake target ARN. */
  forward: string;
  /** An authenticate-cognito action before the forward (absent: none). */
  authenticate?: { userPoolArn: string; userPoolClientId: string; userPoolDomain: string };
  tags: Record<string, string>;
}

/** A directory on the file system: its path from the file system root, owner and mode. */
export interface SandboxDirectory {
  path: string;
  owner: { uid: number; gid: number };
  permissions: string;
}

/** One pushed image: its reference by digest, the tag it was pushed under, and what it holds. */
export interface SandboxImage {
  /** `<registry>/<repository>@sha256:…`, what a task definition runs. */
  id: string;
  repository: string;
  tag: string;
  digest: string;
  contextDigest: string;
  base: string;
  summary: string;
  pushedAt: string;
  tags: Record<string, string>;
  contents: ImageContents;
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

const TAGS = "string-map" as const;

/** What a sandbox account file must hold: every field the simulation reads, with its type. */
const ACCOUNT_SHAPE: Shape = {
  version: "number",
  accountId: "string",
  region: "string",
  cluster: "string",
  fileSystemId: "string",
  sequence: "number",
  accessPoints: {
    arrayOf: {
      id: "string",
      arn: "string",
      clientToken: "string",
      posixUser: { uid: "number", gid: "number" },
      rootDirectory: {
        path: "string",
        owner: { optional: { uid: "number", gid: "number" } },
        permissions: { optional: "string" },
      },
      tags: TAGS,
    },
  },
  taskDefinitions: {
    arrayOf: {
      arn: "string",
      family: "string",
      revision: "number",
      status: { oneOf: ["ACTIVE", "INACTIVE"] },
      body: "object",
      tags: TAGS,
    },
  },
  services: {
    arrayOf: {
      arn: "string",
      name: "string",
      status: { oneOf: ["ACTIVE", "INACTIVE"] },
      taskDefinitionArn: "string",
      desiredCount: "number",
      body: "object",
      tags: TAGS,
    },
  },
  tasks: {
    arrayOf: {
      arn: "string",
      serviceArn: "string",
      taskDefinitionArn: "string",
      lastStatus: { oneOf: ["RUNNING", "STOPPED"] },
      volumeId: "string",
      startedAt: "string",
      stoppedAt: { optional: "string" },
    },
  },
  volumes: {
    arrayOf: {
      id: "string",
      sizeGiB: "number",
      fromSnapshot: { optional: "string" },
      state: { oneOf: ["in-use", "deleted"] },
    },
  },
  snapshots: {
    arrayOf: {
      id: "string",
      volumeId: "string",
      description: "string",
      state: "string",
      startTime: "string",
      tags: TAGS,
    },
  },
  backupJobs: {
    arrayOf: {
      id: "string",
      resourceArn: "string",
      recoveryPointArn: "string",
      state: "string",
      creationDate: "string",
      tags: TAGS,
    },
  },
  directories: {
    optional: {
      arrayOf: { path: "string", owner: { uid: "number", gid: "number" }, permissions: "string" },
    },
  },
  targetGroups: {
    optional: {
      arrayOf: {
        arn: "string",
        name: "string",
        protocol: "string",
        port: "number",
        targetType: "string",
        healthCheckPath: "string",
        tags: TAGS,
      },
    },
  },
  roles: {
    optional: {
      arrayOf: {
        arn: "string",
        name: "string",
        path: "string",
        permissionsBoundary: "string",
        assumeRolePolicy: "string",
        policies: { arrayOf: { name: "string", document: "string" } },
        tags: TAGS,
      },
    },
  },
  listenerRules: {
    optional: {
      arrayOf: {
        arn: "string",
        priority: "number",
        paths: { arrayOf: "string" },
        forward: "string",
        authenticate: {
          optional: { userPoolArn: "string", userPoolClientId: "string", userPoolDomain: "string" },
        },
        tags: TAGS,
      },
    },
  },
  images: {
    optional: {
      arrayOf: {
        id: "string",
        repository: "string",
        tag: "string",
        digest: "string",
        contextDigest: "string",
        base: "string",
        summary: "string",
        pushedAt: "string",
        tags: TAGS,
        contents: {
          python: "string",
          packages: { arrayOf: { name: "string", version: "string", requested: "boolean" } },
          kernels: { arrayOf: { name: "string", language: "string" } },
          extensions: { arrayOf: { name: "string", version: "string" } },
          config: { arrayOf: { key: "string", sha256: "string" } },
          files: { optional: { arrayOf: { path: "string", sha256: "string", size: "number" } } },
          r: {
            optional: {
              version: { optional: "string" },
              packages: { arrayOf: { name: "string", version: "string" } },
            },
          },
        },
      },
    },
  },
};

/**
 * Reads the sandbox account. A file that is not JSON, or not an account (a
 * field missing or of the wrong type), is a named error with the file and
 * the field, never a TypeError later in the simulation.
 */
export function loadAccount(path: string, region: string, cluster: string): SandboxAccount {
  if (!existsSync(path)) return newAccount(region, cluster);
  const hint =
    "fix that field, or delete .labenv/sandbox to start a fresh simulation (nothing real is lost: it is a simulation)";
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new LabenvError("provider", `the sandbox account ${path} is not valid JSON`, {
      cause: e,
      hint,
    });
  }
  const problem = shapeProblem(value, ACCOUNT_SHAPE);
  if (problem)
    throw new LabenvError("provider", `the sandbox account ${path} is corrupt: ${problem}`, {
      hint,
    });
  if ((value as { version: number }).version !== 1)
    throw new LabenvError(
      "provider",
      `the sandbox account ${path} has version ${(value as { version: number }).version}; this labenv reads version 1`,
      { hint },
    );
  return value as SandboxAccount;
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
