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
const ID = "genomics-core/lwu-graduation";
const DUE = "2026-12-31";

/** The example repository with variant-calling running, so its volume can be snapshotted. */
const running = () => editYaml(exampleFiles(), ENV, (d) => d.setIn(["spec", "state"], "running"));
const handedOver = (files: RepoFile[]) =>
  editYaml(files, ENV, (d) => d.setIn(["spec", "owner"], "ajones"));

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

/** The state store, killed (the process dies) right after its `n`-th succession record is written. */
function killedAfter(state: StateStore, n: number): StateStore {
  let writes = 0;
  return Object.assign(Object.create(state) as StateStore, {
    putSuccession: async (r: SuccessionRecord) => {
      await state.putSuccession(r);
      if (++writes === n) throw new Error("killed");
    },
  });
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
  const input = (today = DUE, f = files) => ({
    repository: loadRepository(f, check).repository,
    commit: "c0ffee",
    today,
    baseBranch: "main",
    provider: "sandbox",
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

  it("runs snapshot → package → ownership in order; done once git says the successor owns it", async () => {
    const w = await world();
    const [first] = await runSuccessions(w.input(), w.deps());
    expect(first).toMatchObject({
      stage: "waiting",
      next: "ownership",
      pullRequest: { number: 7 },
    });
    expect(first!.done.map((d) => d.step)).toEqual(["snapshot", "package"]);
    expect(w.gitHost.opened).toHaveLength(1);
    expect(w.gitHost.opened[0]!.files.map((f) => f.path)).toEqual([ENV]);
    expect(w.gitHost.opened[0]!.files[0]!.content).toContain("owner: ajones");
    expect(w.gitHost.opened[0]!.body).toContain(
      "snapshots/genomics-core/variant-calling/succession-lwu-graduation/REPRODUCING.md",
    );

    const merged = handedOver(running());
    const [after] = await runSuccessions(w.input(DUE, merged), w.deps());
    expect(after).toMatchObject({ stage: "done" });
    expect(after!.environments).toEqual(["genomics-core/variant-calling"]);
    expect(w.gitHost.opened).toHaveLength(1);
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

  for (const n of [1, 2, 3, 4]) {
    it(`killed right after record write ${n}: the next run continues, no step taken twice`, async () => {
      const w = await world();
      await expect(
        runSuccessions(w.input(), { ...w.deps(), state: killedAfter(w.s.state, n) }),
      ).rejects.toThrow("killed");
      const [again] = await runSuccessions(w.input(), w.deps());
      expect(again!.done.map((d) => d.step)).toEqual(["snapshot", "package"]);
      expect(again).toMatchObject({
        stage: "waiting",
        next: "ownership",
        pullRequest: { number: 7 },
      });
      expect(w.gitHost.opened).toHaveLength(1);
      const [done] = await runSuccessions(w.input(DUE, handedOver(running())), w.deps());
      expect(done!.stage).toBe("done");
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
