import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { LabenvError } from "../../core/errors.js";
import { writeFileAtomic } from "../file/atomic-write.js";

/** One local pull request: `.labenv/prs/<branch-as-file>.json` next to its description `<branch-as-file>.md`. */
export interface LocalPullRequestRecord {
  number: number;
  branch: string;
  base: string;
  title: string;
  state: "open" | "closed" | "merged";
  fingerprint: string;
  filesDigest: string;
  labels: string[];
  reviewers: string[];
  /** The branch's one commit. */
  commit: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  mergedAt?: string;
  /** Who closed it: `labenv` (the drift went away) or a person (`labenv prs close`). */
  closedBy?: string;
}

/** `labenv/drift/genomics-core/rnaseq` → `labenv__drift__genomics-core__rnaseq` (names never hold `_`). */
export function branchFile(branch: string): string {
  return branch.split("/").join("__");
}

/** The records on disk: current ones per branch, older ones under `archive/<number>`. */
export class LocalPullRequestRecords {
  constructor(private readonly dir: string) {}

  current(): LocalPullRequestRecord[] {
    return this.read(this.dir);
  }

  archived(): LocalPullRequestRecord[] {
    return this.read(join(this.dir, "archive"));
  }

  byBranch(branch: string): LocalPullRequestRecord | undefined {
    const file = join(this.dir, `${branchFile(branch)}.json`);
    return existsSync(file) ? parse(file) : undefined;
  }

  byNumber(number: number): LocalPullRequestRecord | undefined {
    return [...this.current(), ...this.archived()].find((r) => r.number === number);
  }

  nextNumber(): number {
    return [...this.current(), ...this.archived()].reduce((m, r) => Math.max(m, r.number), 0) + 1;
  }

  description(record: LocalPullRequestRecord): string {
    const current = join(this.dir, `${branchFile(record.branch)}.md`);
    const archived = join(this.dir, "archive", `${record.number}.md`);
    const file = this.byBranch(record.branch)?.number === record.number ? current : archived;
    return existsSync(file) ? readFileSync(file, "utf8") : "";
  }

  write(record: LocalPullRequestRecord, body?: string): void {
    const base = join(this.dir, branchFile(record.branch));
    if (body !== undefined) writeFileAtomic(`${base}.md`, body);
    writeFileAtomic(`${base}.json`, `${JSON.stringify(record, null, 2)}\n`);
  }

  /** Moves a branch's finished record aside so a new pull request can take the branch. */
  archive(record: LocalPullRequestRecord): void {
    const base = join(this.dir, branchFile(record.branch));
    mkdirSync(join(this.dir, "archive"), { recursive: true });
    if (existsSync(`${base}.md`))
      renameSync(`${base}.md`, join(this.dir, "archive", `${record.number}.md`));
    writeFileAtomic(
      join(this.dir, "archive", `${record.number}.json`),
      `${JSON.stringify(record, null, 2)}\n`,
    );
    unlinkSync(`${base}.json`);
  }

  private read(dir: string): LocalPullRequestRecord[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => parse(join(dir, f)));
  }
}

function parse(file: string): LocalPullRequestRecord {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LocalPullRequestRecord;
  } catch (e) {
    throw new LabenvError("io", `the pull request record ${file} is not valid JSON`, { cause: e });
  }
}
