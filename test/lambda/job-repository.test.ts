import { afterEach, describe, expect, it } from "vitest";
import { githubIsAncestor } from "../../reconciler/adapters/github/commit-ancestry.js";
import { handler } from "../../reconciler/lambda/handler.js";
import { foreignRepositoryRefusal } from "../../reconciler/lambda/repository-source.js";
import { readLambdaEnv } from "../../reconciler/lambda/lambda-env.js";
import { strictNock } from "../helpers/strict-nock.js";

strictNock();
const saved = { ...process.env };
afterEach(() => void (process.env = { ...saved }));

const ENV = {
  AWS_REGION: "eu-west-1",
  AWS_ACCESS_KEY_ID: "testing",
  AWS_SECRET_ACCESS_KEY: "testing",
  LABENV_CLUSTER: "labenv",
  LABENV_FILE_SYSTEM_ID: "fs-12345678",
  LABENV_STATE_TABLE: "labenv-state",
  LABENV_GITHUB_REPOSITORY: "westtek/research-envs",
  LABENV_GITHUB_INSTALLATION_ID: "42",
  LABENV_GITHUB_APP_ID_SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:000000000000:secret:app-id",
  LABENV_GITHUB_PRIVATE_KEY_SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:000000000000:secret:key",
};

describe("the reconciler acts only on its configured repository (issue 14, item 6)", () => {
  it("refuses a job for another repository of the installation, reading nothing and calling nothing", async () => {
    Object.assign(process.env, ENV);
    // strictNock fails the test on any request: neither Secrets Manager nor GitHub is called.
    const r = await handler(
      {
        source: "labenv.github-app",
        commit: "a".repeat(40),
        repository: "westtek/scratch",
        installationId: 42,
      },
      { awsRequestId: "req-foreign" },
    );
    expect(r).toMatchObject({ outcome: "refused", stage: "source", applied: 0 });
    expect(r.reason).toContain("westtek/scratch");
    expect(r.reason).toContain("westtek/research-envs");
  });

  it("accepts the configured repository whatever its case, and refuses any named one when none is configured", () => {
    const env = readLambdaEnv({ ...ENV });
    expect(foreignRepositoryRefusal(env, { repository: "WestTek/Research-Envs" })).toBeUndefined();
    expect(foreignRepositoryRefusal(env, {})).toBeUndefined();
    const unconfigured = readLambdaEnv({ ...ENV, LABENV_GITHUB_REPOSITORY: "" });
    expect(foreignRepositoryRefusal(unconfigured, { repository: "westtek/scratch" })).toMatch(
      /configured for no repository/,
    );
  });
});

describe("commit ancestry on GitHub", () => {
  it("reads the compare API: `ahead` means the commit is an ancestor; 404 cannot be told", async () => {
    const calls: string[] = [];
    const octokit = {
      rest: {
        repos: {
          compareCommitsWithBasehead: async (p: { basehead: string }) => {
            calls.push(p.basehead);
            if (p.basehead.startsWith("gone"))
              throw Object.assign(new Error("Not Found"), { status: 404 });
            return { data: { status: p.basehead.startsWith("old") ? "ahead" : "diverged" } };
          },
        },
      },
    };
    const isAncestor = githubIsAncestor(octokit, { owner: "westtek", repo: "research-envs" });
    expect(await isAncestor("old", "new")).toBe(true);
    expect(await isAncestor("side", "new")).toBe(false);
    expect(await isAncestor("gone", "new")).toBeUndefined();
    expect(await isAncestor("new", "new")).toBe(false);
    expect(calls).toEqual(["old...new", "side...new", "gone...new"]);
  });
});
