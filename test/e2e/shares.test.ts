import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canReadRoot, canWriteRoot } from "../../reconciler/adapters/sandbox/sandbox-efs.js";
import type { SandboxAccount } from "../../reconciler/adapters/sandbox/sandbox-account.js";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

// Issue 16, read-only shares end to end on the sandbox through the CLI: granted after merge,
// mounted only where the share says, revoked when it expires or its file is deleted, and an
// expired share in one lab never stops another lab's change.

const SHARE = "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml";
const OCEAN = "environments/climate-dynamics/ocean-heat/environment.yaml";
const KEY = "share-access:genomics-core/rnaseq-to-ml-vision/epetrov";

function account(dir: string): SandboxAccount {
  return JSON.parse(
    readFileSync(join(dir, ".labenv/sandbox/account.json"), "utf8"),
  ) as SandboxAccount;
}

/** Per ECS family (active revision): the container paths mounted from a share, and whether read-only. */
function sharedMounts(dir: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of account(dir).taskDefinitions.filter((x) => x.status === "ACTIVE")) {
    const c = (
      t.body as {
        containerDefinitions: {
          mountPoints: { containerPath: string; readOnly: boolean; sourceVolume: string }[];
        }[];
        volumes: {
          name: string;
          efsVolumeConfiguration?: { authorizationConfig: { accessPointId: string } };
        }[];
      }
    ).containerDefinitions[0]!;
    const shared = c.mountPoints.filter((m) => {
      const ap = (
        t.body as {
          volumes: {
            name: string;
            efsVolumeConfiguration?: { authorizationConfig: { accessPointId: string } };
          }[];
        }
      ).volumes.find((v) => v.name === m.sourceVolume)?.efsVolumeConfiguration?.authorizationConfig
        .accessPointId;
      return account(dir).accessPoints.some(
        (a) => a.id === ap && a.tags["labenv:resource"]?.startsWith("share-access:"),
      );
    });
    if (shared.length > 0)
      out[t.family] = shared.map((m) => `${m.containerPath}${m.readOnly ? " ro" : " rw"}`);
  }
  return out;
}

function shareAccessPoints(dir: string) {
  return account(dir).accessPoints.filter((a) =>
    a.tags["labenv:resource"]?.startsWith("share-access:"),
  );
}

/** The example's share, of the live environment (not a snapshot), expiring on `expires`. */
function liveShare(dir: string, expires: string): void {
  const path = join(dir, SHARE);
  writeFileSync(
    path,
    readFileSync(path, "utf8")
      .replace("  snapshot: before-genomics-2\n", "")
      .replace(/expires: .*/, `expires: ${expires}`),
  );
}

describe("read-only shares on the sandbox", () => {
  it("grants each named member an access point mounted read-only in their own environments only, and revokes it after its last day", async () => {
    const dir = exampleGitRepo();
    expect((await runCli(["reconcile", "--repo", dir])).code).toBe(0);
    expect(shareAccessPoints(dir)).toEqual([]);

    liveShare(dir, "2026-11-30");
    git(dir, "commit", "-qam", "share rnaseq with ml-vision until the end of November");
    const granted = await runCli(["reconcile", "--repo", dir]);
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain(
      "+ grant share genomics-core/rnaseq-to-ml-vision: read-only access point for ml-vision/epetrov onto genomics-core/rnaseq's home",
    );
    // The share names dsato and epetrov; only epetrov owns an environment in ml-vision (segmentation).
    const [ap] = shareAccessPoints(dir);
    expect(shareAccessPoints(dir)).toHaveLength(1);
    expect(ap!.tags["labenv:resource"]).toBe(KEY);
    expect(ap!.rootDirectory).toEqual({ path: "/labs/genomics-core/environments/rnaseq" });
    // epetrov's uid with genomics-core's gid: the 0750 home lets the lab's group read, not write.
    expect(ap!.posixUser).toEqual({ uid: 22002, gid: 20000 });
    expect(canReadRoot(account(dir), ap!.id)).toBe(true);
    expect(canWriteRoot(account(dir), ap!.id)).toBe(false);
    expect(sharedMounts(dir)).toEqual({
      "labenv-ml-vision-segmentation": ["/shared/genomics-core/rnaseq ro"],
    });
    expect((await runCli(["reconcile", "--repo", dir])).stdout).toContain("✓ no changes");
    // labenv shares: what git grants against what is in place.
    const listed = JSON.parse((await runCli(["shares", "--repo", dir, "--json"])).stdout);
    expect(listed.access).toEqual([
      {
        share: "genomics-core/rnaseq-to-ml-vision",
        environment: "genomics-core/rnaseq",
        member: "ml-vision/epetrov",
        mountPath: "/shared/genomics-core/rnaseq",
        mountedIn: ["ml-vision/segmentation"],
        until: "2026-11-30",
        state: "granted",
        accessPoint: ap!.id,
        grantedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    // The grant is recorded in the state store with its time, commit and run.
    const commit = git(dir, "rev-parse", "HEAD").trim();
    expect(listed.history).toEqual([
      {
        event: "granted",
        at: listed.access[0].grantedAt,
        share: "genomics-core/rnaseq-to-ml-vision",
        environment: "genomics-core/rnaseq",
        member: "ml-vision/epetrov",
        accessPoint: ap!.id,
        reason:
          "grant share genomics-core/rnaseq-to-ml-vision: read-only access point for ml-vision/epetrov onto genomics-core/rnaseq's home",
        commit,
        run: expect.any(String),
      },
    ]);
    const expiring = await runCli(["shares", "--repo", dir], { today: "2026-12-02" });
    expect(expiring.stdout).toContain(
      `revoking  genomics-core/rnaseq-to-ml-vision: ml-vision/epetrov reads genomics-core/rnaseq — expired on 2026-11-30 (${ap!.id})`,
    );

    // Two days later the share has expired; in the same merge another lab changes an environment.
    const ocean = join(dir, OCEAN);
    writeFileSync(ocean, readFileSync(ocean, "utf8").replace("memory: 8192", "memory: 6144"));
    git(dir, "commit", "-qam", "ocean-heat: more memory");
    const validate = await runCli(["validate", dir], { today: "2026-12-02" });
    expect(validate.stdout + validate.stderr).toMatch(
      /rnaseq-to-ml-vision\.yaml:\d+:\d+ warning share expired on 2026-11-30 \(today is 2026-12-02\): the next reconcile revokes it \[share-expiry\]/,
    );
    const revoked = await runCli(["reconcile", "--repo", dir], { today: "2026-12-02" });
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).not.toContain("HELD BACK");
    expect(revoked.stdout).toContain(
      "- revoke share genomics-core/rnaseq-to-ml-vision: it expired on 2026-11-30; ml-vision/epetrov's access point is deleted, genomics-core/rnaseq's files stay",
    );
    expect(revoked.stdout).toMatch(
      /~ update task definition ml-vision\/segmentation: datasets \/shared\/genomics-core\/rnaseq \(share-access:genomics-core\/rnaseq-to-ml-vision\/epetrov\) → \(none\)/,
    );
    expect(revoked.stdout).toMatch(
      /~ update task definition climate-dynamics\/ocean-heat: memory 8192 → 6144/,
    );
    expect(shareAccessPoints(dir)).toEqual([]);
    expect(sharedMounts(dir)).toEqual({});
    const after = await runCli(["shares", "--repo", dir], { today: "2026-12-02" });
    expect(after.stdout).toContain("genomics-core/rnaseq-to-ml-vision: expired on 2026-11-30");
    expect(after.stdout).toMatch(
      new RegExp(
        `\\d{4}-\\d\\d-\\d\\dT\\S+ granted genomics-core/rnaseq-to-ml-vision: ml-vision/epetrov \\(${ap!.id}\\)[^\\n]*\\n\\S+ revoked genomics-core/rnaseq-to-ml-vision: ml-vision/epetrov \\(${ap!.id}\\) at [0-9a-f]{12} — revoke share genomics-core/rnaseq-to-ml-vision: it expired on 2026-11-30`,
      ),
    );
    // The audit shows both, with their times, next to what git says was asked for.
    const audit = JSON.parse((await runCli(["audit", "-C", dir, "--json"])).stdout);
    expect(
      audit.shares.access.map((e: { event: string; member: string; accessPoint: string }) => [
        e.event,
        e.member,
        e.accessPoint,
      ]),
    ).toEqual([
      ["granted", "ml-vision/epetrov", ap!.id],
      ["revoked", "ml-vision/epetrov", ap!.id],
    ]);
    const md = (await runCli(["audit", "-C", dir, "--lab", "ml-vision"])).stdout;
    expect(md).toContain("**Access granted and revoked by the reconciler**");
    expect(md).toMatch(
      new RegExp(
        `\\| \\S+ \\| revoked \\| genomics-core/rnaseq-to-ml-vision \\| ml-vision/epetrov \\| ${ap!.id} \\|`,
      ),
    );
    const elsewhere = JSON.parse(
      (await runCli(["audit", "-C", dir, "--json", "--lab", "climate-dynamics"])).stdout,
    );
    expect(elsewhere.shares.access).toEqual([]);
    // The shared home itself is untouched.
    expect(
      account(dir).accessPoints.some(
        (a) => a.tags["labenv:resource"] === "access-point:genomics-core/rnaseq/home",
      ),
    ).toBe(true);
    expect((await runCli(["reconcile", "--repo", dir], { today: "2026-12-02" })).stdout).toContain(
      "✓ no changes",
    );
  });

  it("a renewed share is granted again, and deleting the share document revokes it", async () => {
    const dir = exampleGitRepo();
    liveShare(dir, "2027-06-30");
    git(dir, "commit", "-qam", "share rnaseq with ml-vision");
    expect((await runCli(["reconcile", "--repo", dir])).code).toBe(0);
    expect(shareAccessPoints(dir)).toHaveLength(1);

    // Renewing changes nothing that runs: the date is not part of the access point.
    liveShare(dir, "2028-06-30");
    git(dir, "commit", "-qam", "renew the share");
    expect((await runCli(["reconcile", "--repo", dir])).stdout).toContain("✓ no changes");

    rmSync(join(dir, SHARE));
    git(dir, "commit", "-qam", "end the share");
    const r = await runCli(["reconcile", "--repo", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "- revoke share genomics-core/rnaseq-to-ml-vision: it was removed from git (or no longer names ml-vision/epetrov)",
    );
    expect(shareAccessPoints(dir)).toEqual([]);
    expect(sharedMounts(dir)).toEqual({});
  });
});

describe("a succession keeps the predecessor's read access for keepAccessDays (sandbox)", () => {
  // The example: lwu hands variant-calling to ajones, effective 2026-12-31, keepAccessDays 60.
  const VC = "environments/genomics-core/variant-calling/environment.yaml";
  const SC = "environments/genomics-core/single-cell/environment.yaml";
  const HANDOVER = "share-access:genomics-core/succession-lwu-graduation.variant-calling/lwu";
  const setOwner = (dir: string, file: string, owner: string) => {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, "utf8").replace(/owner: \w+/, `owner: ${owner}`));
  };

  it("mounts the handed-over home read-only in the predecessor's own environments from the effective date, and revokes it after the last day", async () => {
    const dir = exampleGitRepo();
    // lwu keeps an environment of their own (single-cell); the ownership change of variant-calling is merged.
    setOwner(dir, SC, "lwu");
    setOwner(dir, VC, "ajones");
    // (The example's share of an rnaseq snapshot would mount in ml-vision too: not this test's.)
    rmSync(join(dir, SHARE));
    git(dir, "commit", "-qam", "variant-calling is ajones's; lwu keeps single-cell");

    const before = await runCli(["reconcile", "--repo", dir], { today: "2026-12-20" });
    expect(before.code, before.stdout + before.stderr).toBe(0);
    expect(account(dir).accessPoints.some((a) => a.tags["labenv:resource"] === HANDOVER)).toBe(
      false,
    );

    const during = await runCli(["reconcile", "--repo", dir], { today: "2027-01-05" });
    expect(during.stdout).toContain(
      "+ grant share genomics-core/succession-lwu-graduation.variant-calling: read-only access point for genomics-core/lwu onto genomics-core/variant-calling's home",
    );
    const ap = account(dir).accessPoints.find((a) => a.tags["labenv:resource"] === HANDOVER)!;
    expect(ap.rootDirectory).toEqual({ path: "/labs/genomics-core/environments/variant-calling" });
    // Not the directory's owner (the home keeps lwu's uid): EFS lets it read, never write.
    expect(ap.posixUser).toEqual({ uid: 65534, gid: 20000 });
    expect(canReadRoot(account(dir), ap.id)).toBe(true);
    expect(canWriteRoot(account(dir), ap.id)).toBe(false);
    expect(sharedMounts(dir)).toEqual({
      "labenv-genomics-core-single-cell": ["/handover/genomics-core/variant-calling ro"],
    });
    const listed = await runCli(["shares", "--repo", dir], { today: "2027-01-05" });
    expect(listed.stdout).toMatch(
      new RegExp(
        `granted   genomics-core/succession-lwu-graduation\\.variant-calling: genomics-core/lwu reads genomics-core/variant-calling — /handover/genomics-core/variant-calling read-only in genomics-core/single-cell, until 2027-03-01, granted \\S+ \\(${ap.id}\\)`,
      ),
    );

    const after = await runCli(["reconcile", "--repo", dir], { today: "2027-03-02" });
    expect(after.stdout).toContain(
      "- revoke share genomics-core/succession-lwu-graduation.variant-calling: it expired on 2027-03-01; genomics-core/lwu's access point is deleted, genomics-core/variant-calling's files stay",
    );
    expect(account(dir).accessPoints.some((a) => a.tags["labenv:resource"] === HANDOVER)).toBe(
      false,
    );
    expect(sharedMounts(dir)).toEqual({});
  });
});
