// Issue 16, a succession carried out by the reconciler Lambda from its due date to done: the
// handler against moto (ECS, EFS, EC2, S3, DynamoDB), GitHub through nock (the ownership pull
// request), AWS Backup and the container runtime played as succession-stand-ins.ts says, ECS's
// managed volume of the running task a volume tagged with its service. The days pass with the
// clock (only Date is faked).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { BackupClient, StartBackupJobCommand } from "@aws-sdk/client-backup";
import { CreateVolumeCommand } from "@aws-sdk/client-ec2";
import { DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import nock from "nock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { handler } from "../../../reconciler/lambda/handler.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { strictNock } from "../../helpers/strict-nock.js";
import { fakeSecrets } from "../../github-app/helpers/secrets-manager.js";
import { APP_ID, privateKey } from "../../github-app/helpers/test-probot.js";
import { API, OWNER, PATH, REPO } from "../../adapters/git-host/strict-github.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { REGION, s3Client, testClients, warmUpMoto } from "./aws-test-clients.js";
import {
  createStateTable,
  createObjectBucket,
  enableDnsHostnames,
  lambdaEnvironment,
} from "./account-setup.js";
import { playBackup, runTasks } from "./succession-stand-ins.js";

strictNock();
const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
const servers: Server[] = [];
const backup = mockClient(BackupClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);
let restoreSecrets: (() => void) | undefined;
afterEach(async () => {
  process.env = { ...saved };
  restoreSecrets?.();
  backup.reset();
  tagging.reset();
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const BUCKET = "labenv-objects";
const SUCCESSION = "environments/ml-vision/successions/epetrov-leaves.yaml";
const SEGMENTATION = "environments/ml-vision/segmentation/environment.yaml";
const BRANCH = "labenv/succession/ml-vision/epetrov-leaves";
const HANDOVER = "share-access:ml-vision/succession-epetrov-leaves.segmentation/epetrov";
const ARN = (name: string) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:labenv/${name}`;
const MAIN_SHA = "a".repeat(40);
const DAY_MS = 86_400_000;

/** ml-vision/segmentation only, handed from epetrov to jmueller today, with one day of read access. */
async function prepare() {
  const clients = testClients(moto.endpoint);
  const account = await createAccountFixtures(clients, moto.endpoint);
  await enableDnsHostnames(clients, account.subnets);
  await createStateTable(moto.endpoint);
  await createObjectBucket(moto.endpoint, BUCKET);
  const dir = copyExampleRepo();
  for (const p of [
    "environments/genomics-core",
    "environments/climate-dynamics",
    "environments/ml-vision/self-supervised",
    "environments/ml-vision/teaching",
    "environments/ml-vision/shares",
  ])
    rmSync(join(dir, p), { recursive: true, force: true });
  const today = new Date().toISOString().slice(0, 10);
  mkdirSync(join(dir, "environments/ml-vision/successions"), { recursive: true });
  writeFileSync(
    join(dir, SUCCESSION),
    [
      "apiVersion: labenv.westtek.io/v1",
      "kind: Succession",
      "metadata: { name: epetrov-leaves, lab: ml-vision }",
      "spec:",
      "  from: epetrov",
      "  to: jmueller",
      "  environments: [segmentation]",
      `  effective: ${today}`,
      "  reason: Elena Petrov moves to industry; Jonas Mueller continues the segmentation work.",
      "  data: { keepAccessDays: 1 }",
      "",
    ].join("\n"),
  );
  Object.assign(process.env, lambdaEnvironment(account, moto.endpoint, dir), {
    LABENV_OBJECT_BUCKET: BUCKET,
    LABENV_BACKUP_VAULT: "labenv-homes",
    LABENV_BACKUP_ROLE_ARN: "arn:aws:iam::123456789012:role/labenv-backup",
    LABENV_GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    LABENV_GITHUB_INSTALLATION_ID: "42",
    LABENV_GITHUB_APP_ID_SECRET_ARN: ARN("app-id"),
    LABENV_GITHUB_PRIVATE_KEY_SECRET_ARN: ARN("key"),
  });
  restoreSecrets = fakeSecrets({
    [ARN("app-id")]: String(APP_ID),
    [ARN("key")]: privateKey(),
  }).restore;
  return { clients, account, dir };
}

/** GitHub's answers for opening the ownership pull request (no pull request on its branch yet). */
function ownershipPullRequestOnGitHub(seen: {
  tree?: { tree: { path: string; content: string }[] };
  pr?: { title: string; body: string; head: string };
}) {
  const api = nock(API);
  api.post("/app/installations/42/access_tokens").reply(201, {
    token: "ghs_test",
    expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    permissions: { contents: "write", pull_requests: "write" },
    repository_selection: "selected",
  });
  api
    .get(`${PATH}/pulls`)
    .query({ state: "all", head: `${OWNER}:${BRANCH}`, per_page: "100" })
    .reply(200, []);
  api
    .get(`${PATH}/git/ref/heads%2Fmain`)
    .reply(200, { ref: "refs/heads/main", object: { sha: MAIN_SHA, type: "commit" } });
  api
    .get(`${PATH}/git/commits/${MAIN_SHA}`)
    .reply(200, { sha: MAIN_SHA, tree: { sha: "b".repeat(40) } });
  api.post(`${PATH}/git/trees`, (b) => ((seen.tree = b), true)).reply(201, { sha: "c".repeat(40) });
  api.post(`${PATH}/git/commits`).reply(201, { sha: "9".repeat(40) });
  api
    .get(`${PATH}/git/ref/${encodeURIComponent(`heads/${BRANCH}`)}`)
    .reply(404, { message: "Not Found" });
  api.post(`${PATH}/git/refs`, { ref: `refs/heads/${BRANCH}`, sha: "9".repeat(40) }).reply(201, {});
  api
    .post(`${PATH}/pulls`, (b) => ((seen.pr = b), true))
    .reply(201, { number: 61, html_url: `https://github.com/${OWNER}/${REPO}/pull/61` });
  api.post(`${PATH}/issues/61/labels`, { labels: ["labenv", "succession"] }).reply(200, []);
  api.post(`${PATH}/pulls/61/requested_reviewers`).reply(201, {});
}

type Summary = {
  outcome: string;
  successions?: {
    stage: string;
    next?: string;
    reason?: string;
    done: { step: string; refs: string[]; detail: string; run?: string }[];
    pullRequest?: { number: number };
  }[];
};

describe("the reconciler Lambda carries a succession out, due to done (moto, GitHub through nock)", () => {
  it("snapshot, package, the ownership pull request on GitHub, the predecessor's read-only access point in their view environment, and its revoke the day after the last day", async () => {
    const { clients, account, dir } = await prepare();
    const points = playBackup(backup, tagging);
    // ECS's managed volume of the running task, tagged with its service as ECS tags it.
    await clients.ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${REGION}a`,
        Size: 20,
        TagSpecifications: [
          {
            ResourceType: "volume",
            Tags: [{ Key: "labenv:service", Value: "service:ml-vision/segmentation" }],
          },
        ],
      }),
    );
    // The running Jupyter's agent reports what it has (as it does every 15 minutes).
    await s3Client(moto.endpoint).send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: "observations/ml-vision/segmentation/latest.json",
        Body: JSON.stringify({
          apiVersion: "labenv.westtek.io/v1",
          kind: "Observation",
          metadata: {
            lab: "ml-vision",
            environment: "segmentation",
            observedAt: new Date().toISOString(),
            source: "agent",
          },
          spec: { python: "3.11.9", packages: [], kernels: [], extensions: [], jupyterConfig: [] },
        }),
      }),
    );

    // Due: the plan takes the volume snapshot and the home's backup; the capture starts the inventory.
    const first = (await handler({ source: "aws.events" }, { awsRequestId: "req-1" })) as Summary;
    expect(first.outcome).toBe("applied");
    expect(points.map((p) => p.tags["labenv:resource"])).toEqual([
      "backup-job:ml-vision/segmentation/succession-epetrov-leaves",
    ]);
    expect(first.successions![0]).toMatchObject({ stage: "waiting", next: "snapshot" });
    expect(first.successions![0]!.reason).toMatch(/started the home-inventory task arn:aws:ecs:/);

    const home = mkdtempSync(join(tmpdir(), "labenv-home-"));
    writeFileSync(join(home, "masks.ipynb"), '{"cells": [], "nbformat": 4}\n');
    const ran = await runTasks(clients, account.cluster, home, moto.endpoint, servers);
    expect(ran.map((r) => [r.command.slice(2, 4), r.status, r.stderr])).toEqual([
      [["--home-inventory", "/home/jovyan"], 0, ""],
    ]);

    // The manifest, the hand-over package and the ownership pull request on GitHub.
    const seen: Parameters<typeof ownershipPullRequestOnGitHub>[0] = {};
    ownershipPullRequestOnGitHub(seen);
    const second = (await handler({ source: "aws.events" }, { awsRequestId: "req-2" })) as Summary;
    expect(second.successions![0]).toMatchObject({
      stage: "waiting",
      next: "ownership",
      pullRequest: { number: 61 },
    });
    expect(second.successions![0]!.done.map((d) => [d.step, d.run])).toEqual([
      ["snapshot", "req-2"],
      ["package", "req-2"],
    ]);
    const pkg = await s3Client(moto.endpoint).send(
      new GetObjectCommand({
        Bucket: BUCKET,
        Key: "snapshots/ml-vision/segmentation/succession-epetrov-leaves/REPRODUCING.md",
      }),
    );
    expect(await pkg.Body!.transformToString()).toContain("| masks.ipynb | 29 |");
    expect(seen.pr).toMatchObject({ head: BRANCH, base: "main" });
    // epetrov owns nothing else in ml-vision: the pull request adds their view environment.
    expect(seen.tree!.tree.map((t) => t.path).sort()).toEqual([
      "environments/ml-vision/epetrov-handover/environment.lock.yaml",
      "environments/ml-vision/epetrov-handover/environment.yaml",
      SEGMENTATION,
    ]);

    // Merged on GitHub: the Lambda's checkout holds the pull request's files.
    for (const f of seen.tree!.tree) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    expect(readFileSync(join(dir, SEGMENTATION), "utf8")).toContain("owner: jmueller");
    const third = (await handler({ source: "aws.events" }, { awsRequestId: "req-3" })) as Summary;
    expect(third.successions![0]).toMatchObject({ stage: "waiting", next: "revoke" });
    const access = third.successions![0]!.done.find((d) => d.step === "access")!;
    expect(access).toMatchObject({ run: "req-3" });
    const granted = (
      await clients.efs.send(
        new DescribeAccessPointsCommand({ FileSystemId: account.fileSystemId }),
      )
    ).AccessPoints!.find((a) => a.AccessPointId === access.refs[0])!;
    expect(granted.Tags).toContainEqual({ Key: "labenv:resource", Value: HANDOVER });
    expect(granted.PosixUser).toMatchObject({ Uid: 65534, Gid: 22000 });
    expect(granted.RootDirectory?.Path).toBe("/labs/ml-vision/environments/segmentation");

    // Through the last day (tomorrow) nothing changes; the day after, it is revoked.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * DAY_MS });
    const fourth = (await handler({ source: "aws.events" }, { awsRequestId: "req-4" })) as Summary;
    expect(fourth.successions![0]!.stage).toBe("done");
    const revoke = fourth.successions![0]!.done.find((d) => d.step === "revoke")!;
    expect(revoke).toMatchObject({ run: "req-4", refs: access.refs });
    const left = (
      await clients.efs.send(
        new DescribeAccessPointsCommand({ FileSystemId: account.fileSystemId }),
      )
    ).AccessPoints!;
    expect(left.some((a) => a.AccessPointId === access.refs[0])).toBe(false);
    expect(backup.commandCalls(StartBackupJobCommand)).toHaveLength(1);
  }, 240_000);
});
