// `labenv build <lab/env> --docker`: the docker build driver, against a fake docker on PATH that
// records its arguments (no daemon, no registry is reached). It checks the daemon first, runs
// one `docker buildx build` of the generated context under the name ECR would give the image,
// and reads back the image id; without docker or a daemon it says what to do instead.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";

const IMAGE_ID = `sha256:${"d".repeat(64)}`;
const saved = { ...process.env };
afterEach(() => void (process.env = { ...saved }));

/** A docker that logs each call; `info` fails when FAKE_DOCKER_NO_DAEMON is set. */
function fakeDocker(): { bin: string; log: string } {
  const bin = mkdtempSync(join(tmpdir(), "fake-docker-"));
  const log = join(bin, "calls.log");
  writeFileSync(
    join(bin, "docker"),
    [
      "#!/bin/sh",
      `echo "$*" >> "${log}"`,
      'case "$1" in',
      '  info) if [ -n "$FAKE_DOCKER_NO_DAEMON" ]; then echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1; fi; echo 27.3.1 ;;',
      '  buildx) for last; do :; done; [ -f "$last/Dockerfile" ] || { echo "ERROR: no Dockerfile in $last" >&2; exit 1; }; cp "$last/Dockerfile" "' +
        log +
        '.Dockerfile" ;;',
      `  image) echo ${IMAGE_ID} ;;`,
      "esac",
      "",
    ].join("\n"),
  );
  chmodSync(join(bin, "docker"), 0o755);
  return { bin, log };
}

describe("labenv build --docker", () => {
  it("builds the generated context with docker buildx under the ECR name, after checking the daemon", async () => {
    const dir = copyExampleRepo();
    const docker = fakeDocker();
    process.env.PATH = `${docker.bin}:${saved.PATH ?? ""}`;
    const out = mkdtempSync(join(tmpdir(), "labenv-context-"));
    const shown = await runCli(["build", "ml-vision/segmentation", "--repo", dir, "--json"]);
    const [row] = (JSON.parse(shown.stdout) as { builds: { tag: string }[] }).builds;
    const r = await runCli([
      "build",
      "ml-vision/segmentation",
      "--repo",
      dir,
      "--docker",
      "--out",
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const image = `labenv/ml-vision:segmentation-${row!.tag}`;
    expect(readFileSync(docker.log, "utf8").trim().split("\n")).toEqual([
      "info --format {{.ServerVersion}}",
      `buildx build --provenance=false --load --tag ${image} ${out}`,
      `image inspect --format {{.Id}} ${image}`,
    ]);
    // What docker built is the generated context: FROM the pack image by digest.
    expect(readFileSync(`${docker.log}.Dockerfile`, "utf8")).toBe(
      readFileSync(join(out, "Dockerfile"), "utf8"),
    );
    expect(readFileSync(join(out, "Dockerfile"), "utf8")).toMatch(
      /^FROM ghcr\.io\/westtek-research\/labenv-ml@sha256:[0-9a-f]{64}/m,
    );
    expect(r.stdout).toContain(`✓ built ${image} with docker: ${IMAGE_ID}`);
  });

  it("without a daemon, refuses before building and says what to do", async () => {
    const dir = copyExampleRepo();
    const docker = fakeDocker();
    process.env.PATH = `${docker.bin}:${saved.PATH ?? ""}`;
    process.env.FAKE_DOCKER_NO_DAEMON = "1";
    const r = await runCli(["build", "ml-vision/segmentation", "--repo", dir, "--docker"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no Docker daemon answers: Cannot connect to the Docker daemon/);
    expect(r.stderr).toMatch(/start Docker/);
    expect(readFileSync(docker.log, "utf8").trim().split("\n")).toEqual([
      "info --format {{.ServerVersion}}",
    ]);
  });

  it("without docker on PATH, says so", async () => {
    const dir = copyExampleRepo();
    process.env.PATH = mkdtempSync(join(tmpdir(), "no-docker-"));
    const r = await runCli(["build", "ml-vision/segmentation", "--repo", dir, "--docker"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/docker is not installed \(no docker on PATH\)/);
  });
});
