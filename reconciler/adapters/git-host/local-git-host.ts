import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LabenvError } from "../../core/errors.js";
import { pullRequestUpToDate } from "../../core/drift/drift-summary.js";
import {
  DRIFT_BRANCH_PREFIX,
  type DriftPullRequestSpec,
  type GitHost,
  type HostedPullRequest,
  type PullRequestResult,
} from "../../ports/git-host.js";
import { git, isAncestor, labenvIdentity, revParse } from "./git-cli.js";
import { LocalPullRequestRecords, type LocalPullRequestRecord } from "./local-pr-records.js";

/**
 * Pull requests without a server: a branch with one commit on the base
 * branch (written with git plumbing, so the working tree is never touched)
 * plus a description and metadata under `.labenv/prs/`. Deleting the branch
 * or `labenv prs close` closes one; `labenv prs merge` merges it.
 */
export class LocalGitHost implements GitHost {
  readonly name = "local" as const;
  readonly records: LocalPullRequestRecords;

  constructor(
    private readonly repoDir: string,
    prsDir: string,
    private readonly now: () => Date,
  ) {
    this.records = new LocalPullRequestRecords(prsDir);
  }

  async listDriftPullRequests(): Promise<HostedPullRequest[]> {
    return this.list().filter((p) => p.branch.startsWith(DRIFT_BRANCH_PREFIX));
  }

  async findOpenPullRequest(branch: string): Promise<HostedPullRequest | undefined> {
    return this.list().find((p) => p.branch === branch && p.state === "open");
  }

  async findPullRequests(branch: string): Promise<HostedPullRequest[]> {
    return this.list().filter((p) => p.branch === branch);
  }

  /** Every local pull request, newest first, with its state as git shows it now. */
  list(): HostedPullRequest[] {
    return [...this.records.current(), ...this.records.archived()]
      .map((r) => this.hosted(r))
      .sort((a, b) => b.number - a.number);
  }

  async ensureDriftPullRequest(
    spec: DriftPullRequestSpec,
    existing?: HostedPullRequest,
  ): Promise<PullRequestResult> {
    const record = this.records.byBranch(spec.branch);
    const open = record && this.stateOf(record) === "open" ? record : undefined;
    void existing;
    if (open && pullRequestUpToDate({ ...open, state: "open" }, spec)) {
      return { number: open.number, outcome: "unchanged", warnings: [] };
    }
    const now = this.now().toISOString();
    if (open) {
      const commit =
        open.filesDigest === spec.filesDigest && revParse(this.repoDir, `refs/heads/${spec.branch}`)
          ? open.commit
          : this.commit(spec, open.commit);
      this.records.write(
        {
          ...open,
          title: spec.title,
          fingerprint: spec.fingerprint,
          filesDigest: spec.filesDigest,
          labels: spec.labels,
          commit,
          updatedAt: now,
        },
        spec.body,
      );
      return { number: open.number, outcome: "updated", warnings: [] };
    }
    if (record) this.records.archive({ ...record, state: this.stateOf(record) });
    const number = this.records.nextNumber();
    const commit = this.commit(spec, revParse(this.repoDir, `refs/heads/${spec.branch}`));
    this.records.write(
      {
        number,
        branch: spec.branch,
        base: spec.base,
        title: spec.title,
        state: "open",
        fingerprint: spec.fingerprint,
        filesDigest: spec.filesDigest,
        labels: spec.labels,
        reviewers: spec.reviewers,
        commit,
        createdAt: now,
        updatedAt: now,
      },
      spec.body,
    );
    return { number, outcome: "created", warnings: [] };
  }

  async closePullRequest(number: number, comment: string): Promise<void> {
    this.close(number, "labenv", comment);
  }

  /** Closes without merging and deletes the branch; `by` says who. */
  close(number: number, by: string, comment?: string): LocalPullRequestRecord {
    const record = this.openRecord(number);
    const body =
      this.records.description(record) + (comment ? `\n---\n**${by}:** ${comment}\n` : "");
    const closed = {
      ...record,
      state: "closed" as const,
      closedAt: this.now().toISOString(),
      closedBy: by,
    };
    this.records.write(closed, body);
    if (revParse(this.repoDir, `refs/heads/${record.branch}`))
      git(this.repoDir, ["update-ref", "-d", `refs/heads/${record.branch}`]);
    return closed;
  }

  /** Merges into the base branch, which must be checked out, then deletes the branch. */
  merge(number: number): LocalPullRequestRecord {
    const record = this.openRecord(number);
    const head = git(this.repoDir, ["symbolic-ref", "--quiet", "--short", "HEAD"], {
      allow: [1, 128],
    }).out;
    if (head !== record.base)
      throw new LabenvError(
        "usage",
        `#${number} merges into ${record.base}, but ${head || "a detached HEAD"} is checked out`,
        { hint: `git checkout ${record.base}` },
      );
    const identity = git(this.repoDir, ["config", "user.email"], { allow: [1] }).out
      ? {}
      : labenvIdentity(this.now());
    git(
      this.repoDir,
      [
        "merge",
        "--no-ff",
        "-m",
        `Merge pull request #${number} from local/${record.branch}\n\n${record.title}`,
        `refs/heads/${record.branch}`,
      ],
      { env: identity },
    );
    const merged = { ...record, state: "merged" as const, mergedAt: this.now().toISOString() };
    this.records.write(merged);
    git(this.repoDir, ["update-ref", "-d", `refs/heads/${record.branch}`]);
    return merged;
  }

  async readFile(ref: string, path: string): Promise<string | undefined> {
    const r = git(this.repoDir, ["show", `${ref}:${path}`], { allow: [128], raw: true });
    return r.code === 0 ? r.out : undefined;
  }

  /** open / closed / merged, as git shows it: a deleted branch closes a pull request, one merged by hand merges it. */
  stateOf(record: LocalPullRequestRecord): HostedPullRequest["state"] {
    if (record.state !== "open") return record.state;
    const tip = revParse(this.repoDir, `refs/heads/${record.branch}`);
    const base = revParse(this.repoDir, `refs/heads/${record.base}`);
    if (base && isAncestor(this.repoDir, tip ?? record.commit, base)) return "merged";
    return tip ? "open" : "closed";
  }

  private openRecord(number: number): LocalPullRequestRecord {
    const record = this.records.byNumber(number);
    if (!record)
      throw new LabenvError("usage", `there is no pull request #${number}`, {
        hint: "labenv prs lists them",
      });
    const state = this.stateOf(record);
    if (state !== "open") throw new LabenvError("usage", `#${number} is already ${state}`);
    return record;
  }

  private hosted(r: LocalPullRequestRecord): HostedPullRequest {
    const state = this.stateOf(r);
    return {
      number: r.number,
      branch: r.branch,
      title: r.title,
      state,
      fingerprint: r.fingerprint,
      filesDigest: r.filesDigest,
      labels: r.labels,
      createdAt: r.createdAt,
      ...((r.closedAt ?? (state === "closed" ? r.updatedAt : undefined))
        ? { closedAt: r.closedAt ?? r.updatedAt }
        : {}),
    };
  }

  /** One commit on the base branch with the files, written with plumbing; the branch moves only when the tree differs. */
  private commit(spec: DriftPullRequestSpec, previous: string | undefined): string {
    const base = revParse(this.repoDir, `refs/heads/${spec.base}`);
    if (!base)
      throw new LabenvError(
        "git",
        `the base branch ${spec.base} does not exist in ${this.repoDir}`,
      );
    const tmp = mkdtempSync(join(tmpdir(), "labenv-index-"));
    try {
      const env = { GIT_INDEX_FILE: join(tmp, "index") };
      git(this.repoDir, ["read-tree", base], { env });
      for (const f of spec.files) {
        const blob = git(this.repoDir, ["hash-object", "-w", "--stdin"], { input: f.content }).out;
        git(this.repoDir, ["update-index", "--add", "--cacheinfo", `100644,${blob},${f.path}`], {
          env,
        });
      }
      const tree = git(this.repoDir, ["write-tree"], { env }).out;
      if (
        previous &&
        git(this.repoDir, ["rev-parse", `${previous}^{tree}`]).out === tree &&
        git(this.repoDir, ["rev-parse", `${previous}^`], { allow: [128] }).out === base
      )
        return previous;
      const commit = git(
        this.repoDir,
        ["commit-tree", tree, "-p", base, "-m", spec.commitMessage],
        { env: labenvIdentity(this.now()) },
      ).out;
      git(this.repoDir, ["update-ref", `refs/heads/${spec.branch}`, commit]);
      return commit;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}
