// Issue 16: the reconciler Lambda ends its run as `labenv reconcile` does — a share within its
// notice period gets its renewal pull request on GitHub (through the App's installation: the
// token request, the pull request listing by head branch, the branch, commit and pull request
// as GitHub's API takes them), a second invocation finds it up to date and writes nothing; a due
// succession starts, its snapshot captured as the CLI captures on AWS; until that capture has
// its manifest the snapshot step waits, saying why, and no later step runs.
// AWS is moto, GitHub is nock (strict: every request mocked, every mock used), the App's
// secrets come from a Secrets Manager double.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BackupClient, StartBackupJobCommand } from "@aws-sdk/client-backup";
import { CreateVolumeCommand } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { handler } from "../../../reconciler/lambda/handler.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { strictNock } from "../../helpers/strict-nock.js";
import { fakeSecrets } from "../../github-app/helpers/secrets-manager.js";
import { APP_ID, privateKey } from "../../github-app/helpers/test-probot.js";
import { API, OWNER, PATH, pull, REPO } from "../../adapters/git-host/strict-github.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { testClients, warmUpMoto } from "./aws-test-clients.js";
import { createStateTable, createObjectBucket, lambdaEnvironment } from "./account-setup.js";

strictNock();
const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
let restoreSecrets: (() => void) | undefined;
afterEach(() => {
  process.env = { ...saved };
  restoreSecrets?.();
});

const SHARE = "environments/ml-vision/shares/segmentation-to-genomics.yaml";
const SUCCESSION = "environments/ml-vision/successions/epetrov-leaves.yaml";
const BRANCH = "labenv/share-renewal/ml-vision/segmentation-to-genomics";
const ARN = (name: string) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:labenv/${name}`;
const MAIN_SHA = "a".repeat(40);
const DAY_MS = 86_400_000;
// The Lambda reads the real clock: dates are set from today.
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);

/** ml-vision/segmentation only (moto starts no service tasks), lent to genomics-core until in three days. */
async function prepare(withSuccession: boolean) {
  const clients = testClients(moto.endpoint);
  const account = await createAccountFixtures(clients, moto.endpoint);
  await createStateTable(moto.endpoint);
  await createObjectBucket(moto.endpoint);
  const dir = copyExampleRepo();
  for (const p of [
    "environments/genomics-core/rnaseq",
    "environments/genomics-core/single-cell",
    "environments/genomics-core/variant-calling",
    "environments/genomics-core/shares",
    "environments/genomics-core/successions",
    "environments/climate-dynamics",
    "environments/ml-vision/self-supervised",
    "environments/ml-vision/teaching",
  ])
    rmSync(join(dir, p), { recursive: true });
  mkdirSync(join(dir, "environments/ml-vision/shares"));
  writeFileSync(
    join(dir, SHARE),
    [
      "apiVersion: labenv.westtek.io/v1",
      "kind: Share",
      "metadata: { name: segmentation-to-genomics, lab: ml-vision }",
      "spec:",
      "  environment: segmentation",
      "  to: { lab: genomics-core }",
      "  access: read-only",
      `  expires: ${inDays(3)}`,
      "  renewal: { termDays: 30 }",
      "  purpose: Genomics core checks the nucleus masks against its expression clusters.",
      "",
    ].join("\n"),
  );
  if (withSuccession) {
    mkdirSync(join(dir, "environments/ml-vision/successions"));
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
        `  effective: ${today()}`,
        "  reason: Elena Petrov moves to industry; Jonas Mueller continues the segmentation work.",
        "",
      ].join("\n"),
    );
  }
  Object.assign(process.env, lambdaEnvironment(account, moto.endpoint, dir), {
    LABENV_OBJECT_BUCKET: "labenv-objects",
    LABENV_GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    LABENV_GITHUB_INSTALLATION_ID: "42",
    LABENV_GITHUB_APP_ID_SECRET_ARN: ARN("app-id"),
    LABENV_GITHUB_PRIVATE_KEY_SECRET_ARN: ARN("key"),
  });
  restoreSecrets = fakeSecrets({
    [ARN("app-id")]: String(APP_ID),
    [ARN("key")]: privateKey(),
  }).restore;
  return dir;
}

/** GitHub's answer to the installation token request the App's auth makes first. */
function installationToken() {
  nock(API)
    .post("/app/installations/42/access_tokens")
    .reply(201, {
      token: "ghs_test",
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      permissions: { contents: "write", pull_requests: "write" },
      repository_selection: "selected",
    });
}

function listing(pulls: ReturnType<typeof pull>[]) {
  nock(API)
    .get(`${PATH}/pulls`)
    .query({ state: "all", head: `${OWNER}:${BRANCH}`, per_page: "100" })
    .reply(200, pulls);
}

describe("the reconciler Lambda after its run (moto, GitHub through nock)", () => {
  it("opens a share's renewal pull request on GitHub once; the next invocation finds it up to date", async () => {
    await prepare(false);
    installationToken();
    listing([]);
    const seen: {
      tree?: { tree: { path: string; content: string }[] };
      pr?: { title: string; body: string; head: string; base: string };
    } = {};
    const api = nock(API);
    api
      .get(`${PATH}/git/ref/heads%2Fmain`)
      .reply(200, { ref: "refs/heads/main", object: { sha: MAIN_SHA, type: "commit" } });
    api
      .get(`${PATH}/git/commits/${MAIN_SHA}`)
      .reply(200, { sha: MAIN_SHA, tree: { sha: "b".repeat(40) } });
    api
      .post(`${PATH}/git/trees`, (b) => ((seen.tree = b), true))
      .reply(201, { sha: "c".repeat(40) });
    api.post(`${PATH}/git/commits`).reply(201, { sha: "9".repeat(40) });
    api
      .get(`${PATH}/git/ref/${encodeURIComponent(`heads/${BRANCH}`)}`)
      .reply(404, { message: "Not Found" });
    api
      .post(`${PATH}/git/refs`, { ref: `refs/heads/${BRANCH}`, sha: "9".repeat(40) })
      .reply(201, {});
    api
      .post(`${PATH}/pulls`, (b) => ((seen.pr = b), true))
      .reply(201, { number: 57, html_url: `https://github.com/${OWNER}/${REPO}/pull/57` });
    api.post(`${PATH}/issues/57/labels`, { labels: ["labenv", "share-renewal"] }).reply(200, []);
    api.post(`${PATH}/pulls/57/requested_reviewers`).reply(201, {});

    const first = await handler({ source: "aws.events" }, { awsRequestId: "req-r1" });
    expect(first).toMatchObject({
      outcome: "applied",
      renewals: [
        {
          share: "ml-vision/segmentation-to-genomics",
          expires: inDays(3),
          branch: BRANCH,
          outcome: "created",
          number: 57,
        },
      ],
    });
    expect("successions" in first).toBe(false);
    // One file on the branch: the share, its last day moved by its own term (30 days).
    expect(seen.tree!.tree.map((t) => t.path)).toEqual([SHARE]);
    const moved = new Date(Date.parse(`${inDays(3)}T00:00:00Z`) + 30 * DAY_MS)
      .toISOString()
      .slice(0, 10);
    expect(parse(seen.tree!.tree[0]!.content)).toMatchObject({ spec: { expires: moved } });
    expect(seen.pr).toMatchObject({
      head: BRANCH,
      base: "main",
      title: `Renew share ml-vision/segmentation-to-genomics until ${moved} (it ends ${inDays(3)})`,
    });

    // The next invocation (a warm Lambda, or the schedule): found by its branch, up to date, no write.
    installationToken();
    listing([
      pull(57, {
        ref: BRANCH,
        title: seen.pr!.title,
        body: seen.pr!.body,
        labels: ["labenv", "share-renewal"],
      }),
    ]);
    const second = await handler({ source: "aws.events" }, { awsRequestId: "req-r2" });
    expect(second).toMatchObject({
      outcome: "no-changes",
      renewals: [expect.objectContaining({ outcome: "unchanged", number: 57 })],
    });
  });

  it("a due succession starts and waits at its snapshot until the capture has its manifest, saying why; nothing later runs and GitHub is not asked", async () => {
    await prepare(true);
    // What a running task leaves for the succession's snapshot on AWS: its /opt/jupyter volume
    // (moto starts no service tasks), and AWS Backup (not in moto) answering StartBackupJob.
    await testClients(moto.endpoint).ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: "eu-west-1a",
        Size: 20,
        TagSpecifications: [
          {
            ResourceType: "volume",
            Tags: [{ Key: "labenv:service", Value: "service:ml-vision/segmentation" }],
          },
        ],
      }),
    );
    Object.assign(process.env, {
      LABENV_BACKUP_VAULT: "labenv-homes",
      LABENV_BACKUP_ROLE_ARN: "arn:aws:iam::123456789012:role/labenv-backup",
    });
    const backup = mockClient(BackupClient);
    backup.on(StartBackupJobCommand).resolves({
      BackupJobId: "job-1",
      RecoveryPointArn: "arn:aws:backup:eu-west-1:123456789012:recovery-point:rp-1",
    });
    // The share's renewal is proposed as above; the succession asks GitHub nothing.
    installationToken();
    listing([]);
    const api = nock(API);
    api
      .get(`${PATH}/git/ref/heads%2Fmain`)
      .reply(200, { ref: "refs/heads/main", object: { sha: MAIN_SHA, type: "commit" } });
    api
      .get(`${PATH}/git/commits/${MAIN_SHA}`)
      .reply(200, { sha: MAIN_SHA, tree: { sha: "b".repeat(40) } });
    api.post(`${PATH}/git/trees`).reply(201, { sha: "c".repeat(40) });
    api.post(`${PATH}/git/commits`).reply(201, { sha: "9".repeat(40) });
    api
      .get(`${PATH}/git/ref/${encodeURIComponent(`heads/${BRANCH}`)}`)
      .reply(404, { message: "Not Found" });
    api.post(`${PATH}/git/refs`).reply(201, {});
    api
      .post(`${PATH}/pulls`)
      .reply(201, { number: 58, html_url: "https://github.com/x/y/pull/58" });
    api.post(`${PATH}/issues/58/labels`).reply(200, []);
    api.post(`${PATH}/pulls/58/requested_reviewers`).reply(201, {});

    let r;
    try {
      r = await handler({ source: "aws.events" }, { awsRequestId: "req-s1" });
    } finally {
      backup.restore();
    }
    // The plan took the snapshot and the backup first, at the effective date …
    expect(r.plan?.changes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/before hand-over epetrov → jmueller/),
        expect.stringMatching(/home before hand-over epetrov → jmueller/),
      ]),
    );
    expect(backup.commandCalls(StartBackupJobCommand)).toHaveLength(1);
    const successions = (r as { successions?: unknown }).successions;
    expect(successions).toEqual([
      expect.objectContaining({
        succession: "ml-vision/epetrov-leaves",
        stage: "waiting",
        next: "snapshot",
        // The capture the CLI runs on AWS, run by the Lambda: moto's tagging API lists no
        // recovery points, so here the backup is never seen taken, and the hand-over waits.
        reason:
          "ml-vision/segmentation/succession-epetrov-leaves: the home's backup has not been taken yet (the next reconcile takes it)",
        done: [],
      }),
    ]);
    // … and the hand-over waits there: no package, no ownership pull request (GitHub was asked
    // only for the share's renewal above), recorded so `labenv successions` says the same.
  });
});
