// Issue 16, successions as resumable recorded steps: a run killed right after any step is
// recorded, or a step that fails, leaves the rest untouched, and the next run continues from
// the first step not recorded — never taking a step twice.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DirectoryObjectStore } from "../../../reconciler/adapters/file/directory-object-store.js";
import { SandboxContainers } from "../../../reconciler/adapters/sandbox/sandbox-observation.js";
import { SandboxSnapshotSources } from "../../../reconciler/adapters/sandbox/sandbox-snapshot-sources.js";
import { loadRepository, type RepoFile } from "../../../reconciler/core/load/load-repository.js";
import {
  runSuccessions,
  type SuccessionRunDeps,
} from "../../../reconciler/core/successions/run-successions.js";
import type {
  DriftPullRequestSpec,
  GitHost,
  HostedPullRequest,
} from "../../../reconciler/ports/git-host.js";
import type { ObjectStore } from "../../../reconciler/ports/object-store.js";
import type { StateStore, SuccessionRecord } from "../../../reconciler/ports/state-store.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import { check, run, sandbox } from "../../helpers/sandbox.js";

const ENV = "environments/genomics-core/variant-calling/environment.yaml";
const SINGLE_CELL = "environments/genomics-core/single-cell/environment.yaml";
const SUCCESSION = "environments/genomics-core/successions/lwu-graduation.yaml";
const VIEW = "environments/genomics-core/lwu-handover/environment.yaml";
const VIEW_LOCK = "environments/genomics-core/lwu-handover/environment.lock.yaml";
const HANDOVER = "share-access:genomics-core/succession-lwu-graduation.variant-calling/lwu";
const ID = "genomics-core/lwu-graduation";
const DUE = "2026-12-31";

/** The example repository with variant-calling running, so its volume can be snapshotted. */
const running = () => editYaml(exampleFiles(), ENV, (d) => d.setIn(["spec", "state"], "running"));
/** The repository once the ownership pull request merged: its files over `files`. */
function mergedFiles(pr: DriftPullRequestSpec, files: RepoFile[] = running()): RepoFile[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const f of pr.files) byPath.set(f.path, { path: f.path, content: f.content });
  return [...byPath.values()];
}

/** A git host that records every pull request it is asked for. */
function recordingHost(): GitHost & { opened: DriftPullRequestSpec[] } {
  const opened: DriftPullRequestSpec[] = [];
  return {
    name: "local",
    opened,
    listDriftPullRequests: async () => [],
    ensureDriftPullRequest: async (spec) => {
      opened.push(spec);
      return { number: 7, outcome: "created", warnings: [] };
    },
    closePullRequest: async () => undefined,
    readFile: async () => undefined,
  };
}

async function world(files: RepoFile[] = running()) {
  const s = sandbox();
  await run(files, s, { today: DUE });
  const objects = new DirectoryObjectStore(join(s.dir, "objects"));
  const gitHost = recordingHost();
  const deps = (repository = loadRepository(files, check).repository): SuccessionRunDeps => ({
    state: s.state,
    objects,
    sources: new SandboxSnapshotSources(
      s.provider,
      new SandboxContainers({
        stateDir: s.dir,
        account: () => s.provider.account(),
        repository,
        objects,
        now: s.now,
      }),
      s.now,
    ),
    observe: () => s.provider.observe(),
    gitHost,
    now: s.now,
  });
  const input = (today = DUE, f = files, runId = "run-1") => ({
    repository: loadRepository(f, check).repository,
    commit: "c0ffee",
    today,
    baseBranch: "main",
    provider: "sandbox",
    run: runId,
  });
  return { s, objects, gitHost, deps, input };
}

describe("successions: recorded steps", () => {
  it("not before the effective date: nothing is recorded, taken or opened", async () => {
    const w = await world();
    const [status] = await runSuccessions(w.input("2026-12-30"), w.deps());
    expect(status).toMatchObject({ succession: ID, stage: "not-due" });
    expect(await w.s.state.listSuccessions()).toEqual([]);
    expect(w.gitHost.opened).toEqual([]);
    expect(await w.objects.list("snapshots/genomics-core/variant-calling/")).toEqual([]);
  });

  it("runs snapshot → package → ownership → access → revoke in order; the predecessor's read access is granted, then revoked after keepAccessDays", async () => {
    const w = await world();
    const [first] = await runSuccessions(w.input(), w.deps());
    expect(first).toMatchObject({
      stage: "waiting",
      next: "ownership",
      pullRequest: { number: 7 },
    });
    expect(first!.done.map((d) => d.step)).toEqual(["snapshot", "package"]);
    expect(first!.done.every((d) => d.run === "run-1")).toBe(true);
    expect(w.gitHost.opened).toHaveLength(1);
    // lwu owns nothing else in genomics-core: the pull request adds a view environment for them.
    expect(w.gitHost.opened[0]!.files.map((f) => f.path)).toEqual([ENV, VIEW, VIEW_LOCK]);
    expect(w.gitHost.opened[0]!.files[0]!.content).toContain("owner: ajones");
    expect(w.gitHost.opened[0]!.body).toContain(
      "snapshots/genomics-core/variant-calling/succession-lwu-graduation/REPRODUCING.md",
    );

    const merged = mergedFiles(w.gitHost.opened[0]!);
    const granted = await run(merged, w.s, { today: DUE });
    expect(granted.outcome).toBe("applied");
    const [during] = await runSuccessions(w.input(DUE, merged, "run-2"), w.deps());
    expect(during).toMatchObject({ stage: "waiting", next: "revoke" });
    expect(during!.reason).toBe(
      "lwu keeps read access through 2027-03-01; the first reconcile after that day revokes it",
    );
    const access = during!.done.find((d) => d.step === "access")!;
    expect(access.detail).toBe(
      "lwu reads genomics-core/variant-calling read-only (/handover/genomics-core/variant-calling in genomics-core/lwu-handover) until 2027-03-01",
    );
    expect(access.refs).toHaveLength(1);
    expect(access.refs[0]).toMatch(/^fsap-/);
    // The run whose apply created the access point, as its grant was recorded.
    const events = await w.s.state.listShareEvents();
    expect(access.run).toBe(events.find((e) => e.event === "granted")!.run);

    // Through the last day nothing changes.
    await run(merged, w.s, { today: "2027-03-01" });
    const [last] = await runSuccessions(w.input("2027-03-01", merged), w.deps());
    expect(last).toMatchObject({ stage: "waiting", next: "revoke" });

    const revoked = await run(merged, w.s, { today: "2027-03-02" });
    expect(
      revoked.plan!.stages.flatMap((st) => st.actions.map((a) => `${a.outcome} ${a.key}`)),
    ).toContain(`delete ${HANDOVER}`);
    const [after] = await runSuccessions(w.input("2027-03-02", merged), w.deps());
    expect(after).toMatchObject({ stage: "done" });
    const revoke = after!.done.find((d) => d.step === "revoke")!;
    expect(revoke.refs).toEqual(access.refs);
    expect(revoke.detail).toMatch(
      /^revoked lwu's read access to genomics-core\/variant-calling after 2027-03-01 \(fsap-\S+ deleted \S+\); the files stay; genomics-core\/lwu-handover stays until it is removed in git \(its data is kept\)$/,
    );
    expect(revoke.run).toBe(
      (await w.s.state.listShareEvents()).find((e) => e.event === "revoked")!.run,
    );
    expect(after!.environments).toEqual(["genomics-core/variant-calling"]);
    expect(w.gitHost.opened).toHaveLength(1);
  });

  it("keepAccessDays 0: no view environment proposed, nothing granted even where the predecessor has an environment, and access and revoke are done at once", async () => {
    const files = editYaml(
      editYaml(running(), SUCCESSION, (d) => d.setIn(["spec", "data", "keepAccessDays"], 0)),
      SINGLE_CELL,
      (d) => d.setIn(["spec", "owner"], "lwu"),
    );
    const w = await world(files);
    await runSuccessions(w.input(DUE, files), w.deps());
    expect(w.gitHost.opened[0]!.files.map((f) => f.path)).toEqual([ENV]);
    const merged = mergedFiles(w.gitHost.opened[0]!, files);
    await run(merged, w.s, { today: DUE });
    const [done] = await runSuccessions(w.input(DUE, merged), w.deps());
    expect(done).toMatchObject({ stage: "done" });
    expect(done!.done.slice(3).map((d) => `${d.step}: ${d.detail}`)).toEqual([
      "access: no read access kept (data.keepAccessDays: 0)",
      "revoke: nothing to revoke (data.keepAccessDays: 0)",
    ]);
    const observed = await w.s.provider.observe();
    expect(observed.resources.filter((r) => r.kind === "share-access")).toEqual([]);
  });

  it("a succession naming no environments gives the predecessor read access to those it handed over only, never the successor's own others", async () => {
    // ajones owns single-cell already; lwu hands over variant-calling, the default list.
    const files = editYaml(running(), SUCCESSION, (d) => d.deleteIn(["spec", "environments"]));
    const w = await world(files);
    await runSuccessions(w.input(DUE, files), w.deps());
    const merged = mergedFiles(w.gitHost.opened[0]!, files);
    await run(merged, w.s, { today: DUE });
    const [during] = await runSuccessions(w.input(DUE, merged), w.deps());
    expect(during).toMatchObject({ stage: "waiting", next: "revoke" });
    const observed = await w.s.provider.observe();
    expect(observed.resources.filter((r) => r.kind === "share-access").map((r) => r.key)).toEqual([
      HANDOVER,
    ]);
  });

  it("a predecessor who keeps an environment of the lab gets no view environment: the home is mounted in theirs", async () => {
    const files = editYaml(running(), SINGLE_CELL, (d) => d.setIn(["spec", "owner"], "lwu"));
    const w = await world(files);
    await runSuccessions(w.input(DUE, files), w.deps());
    expect(w.gitHost.opened[0]!.files.map((f) => f.path)).toEqual([ENV]);
    const merged = mergedFiles(w.gitHost.opened[0]!, files);
    await run(merged, w.s, { today: DUE });
    const [during] = await runSuccessions(w.input(DUE, merged), w.deps());
    expect(during!.done.find((d) => d.step === "access")!.detail).toContain(
      "in genomics-core/single-cell)",
    );
  });

  it("an ownership pull request closed without merging is said so, and never opened again", async () => {
    const w = await world();
    const [first] = await runSuccessions(w.input(), w.deps());
    expect(first).toMatchObject({
      stage: "waiting",
      next: "ownership",
      pullRequest: { number: 7 },
    });
    const spec = w.gitHost.opened[0]!;
    const closed: HostedPullRequest = {
      number: 7,
      branch: spec.branch,
      title: spec.title,
      state: "closed",
      fingerprint: spec.fingerprint,
      labels: spec.labels,
    };
    const host: GitHost = { ...w.gitHost, findPullRequests: async () => [closed] };
    const [after] = await runSuccessions(w.input(), { ...w.deps(), gitHost: host });
    expect(after).toMatchObject({ stage: "waiting", next: "ownership" });
    expect(after!.reason).toMatch(/#7 setting the owner to ajones was closed without merging/);
    expect(w.gitHost.opened).toHaveLength(1);

    // A run that never recorded it (killed after opening it) does not open it again either.
    const fresh = await world();
    const [none] = await runSuccessions(fresh.input(), {
      ...fresh.deps(),
      gitHost: { ...fresh.gitHost, findPullRequests: async () => [closed] },
    });
    expect(none!.reason).toMatch(/closed without merging/);
    expect(fresh.gitHost.opened).toEqual([]);
  });

  it("finds the ownership pull request a run opened but died before recording, and updates it instead of opening another", async () => {
    const w = await world();
    const given: (HostedPullRequest | undefined)[] = [];
    const host: GitHost = {
      ...w.gitHost,
      findOpenPullRequest: async (branch) => ({
        number: 41,
        branch,
        title: "Hand over",
        state: "open",
        labels: [],
      }),
      ensureDriftPullRequest: async (_spec, existing) => {
        given.push(existing);
        return existing
          ? { number: existing.number, outcome: "updated", warnings: [] }
          : { number: 99, outcome: "created", warnings: [] };
      },
    };
    const [status] = await runSuccessions(w.input(), { ...w.deps(), gitHost: host });
    expect(given.map((p) => p?.number)).toEqual([41]);
    expect(status).toMatchObject({ stage: "waiting", pullRequest: { number: 41 } });
  });

  // Record writes: 1 started, 2 snapshot, 3 package, 4 pull request opened (waiting), 5
  // ownership, 6 access, 7 waiting for the last day, 8 revoke.
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`killed right after record write ${n}: the next run continues, no step taken twice`, async () => {
      const w = await world();
      let writes = 0;
      const state = Object.assign(Object.create(w.s.state) as StateStore, {
        putSuccession: async (r: SuccessionRecord) => {
          await w.s.state.putSuccession(r);
          if (++writes === n) throw new Error("killed");
        },
      });
      let kills = 0;
      const once = async (today: string, files: RepoFile[]) => {
        try {
          return await runSuccessions(w.input(today, files), { ...w.deps(), state });
        } catch (e) {
          if ((e as Error).message !== "killed") throw e;
          kills += 1;
          return runSuccessions(w.input(today, files), { ...w.deps(), state });
        }
      };
      const [waiting] = await once(DUE, running());
      expect(waiting).toMatchObject({ next: "ownership", pullRequest: { number: 7 } });
      const merged = mergedFiles(w.gitHost.opened[0]!);
      await run(merged, w.s, { today: DUE });
      const [granted] = await once(DUE, merged);
      expect(granted).toMatchObject({ stage: "waiting", next: "revoke" });
      await run(merged, w.s, { today: "2027-03-02" });
      const [done] = await once("2027-03-02", merged);
      expect(kills).toBe(1);
      expect(done!.stage).toBe("done");
      expect(done!.done.map((d) => d.step)).toEqual([
        "snapshot",
        "package",
        "ownership",
        "access",
        "revoke",
      ]);
      expect(done!.done.find((d) => d.step === "revoke")!.refs).toHaveLength(1);
      expect(w.gitHost.opened).toHaveLength(1);
    });
  }

  it("a step that fails is recorded with why, leaves the later steps untouched, and is tried again", async () => {
    const w = await world();
    const broken: ObjectStore = {
      ...w.objects,
      get: (k) => w.objects.get(k),
      list: (p) => w.objects.list(p),
      put: async (k, body) => {
        if (k.endsWith("REPRODUCING.md"))
          throw new Error("SlowDown: Please reduce your request rate");
        return w.objects.put(k, body);
      },
    };
    const [failed] = await runSuccessions(w.input(), { ...w.deps(), objects: broken });
    expect(failed).toMatchObject({ stage: "failed", next: "package" });
    expect(failed!.reason).toContain("SlowDown");
    expect(failed!.done.map((d) => d.step)).toEqual(["snapshot"]);
    expect(w.gitHost.opened).toEqual([]);

    const [resumed] = await runSuccessions(w.input(), w.deps());
    expect(resumed).toMatchObject({ stage: "waiting", next: "ownership" });
    expect(resumed!.done.map((d) => d.step)).toEqual(["snapshot", "package"]);
    expect((await w.s.state.getSuccession(ID))!.failed).toBeUndefined();
  });

  it("without a git host the ownership step fails, naming what to do; the snapshot and package stay recorded", async () => {
    const w = await world();
    const { gitHost: _none, ...noHost } = w.deps();
    void _none;
    const [failed] = await runSuccessions(w.input(), noHost);
    expect(failed).toMatchObject({ stage: "failed", next: "ownership" });
    expect(failed!.reason).toContain("no git host");
    expect(failed!.done.map((d) => d.step)).toEqual(["snapshot", "package"]);
  });
});
