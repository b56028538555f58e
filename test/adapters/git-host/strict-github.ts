import { Octokit } from "@octokit/rest";
import { strictNock } from "../../helpers/strict-nock.js";

export const API = "https://api.github.com";
export const OWNER = "westtek-research";
export const REPO = "labs";
export const PATH = `/repos/${OWNER}/${REPO}`;

/** Strict GitHub doubles for a test file: no network, every request mocked, every mock used. */
export function strictGitHub(): void {
  strictNock();
}

/** A client as tests need it: no retries, no throttling, no logging. */
export function testOctokit(): Octokit {
  return new Octokit({
    auth: "test-token",
    userAgent: "labenv-test",
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
    request: { retries: 0 },
  });
}

/** A pull request as GitHub's list endpoint returns it (the fields labenv reads). */
export function pull(
  number: number,
  over: {
    state?: "open" | "closed";
    body?: string;
    title?: string;
    labels?: string[];
    merged?: boolean;
    ref?: string;
  } = {},
) {
  return {
    number,
    state: over.state ?? "open",
    title: over.title ?? `drift #${number}`,
    body: over.body ?? "",
    html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
    head: { ref: over.ref ?? "labenv/drift/genomics-core/rnaseq", sha: "e".repeat(40) },
    base: { ref: "main" },
    user: { login: "labenv[bot]" },
    labels: (over.labels ?? []).map((name, id) => ({ id, name })),
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-22T10:00:00Z",
    closed_at: over.state === "closed" ? "2026-11-22T10:00:00Z" : null,
    merged_at: over.merged ? "2026-11-22T10:00:00Z" : null,
  };
}
