import { execFile } from "node:child_process";
import { LabenvError } from "../../core/errors.js";

/** Runs a program and gives its exit code and output (never a shell). */
export type RunProgram = (
  file: string,
  args: readonly string[],
) => Promise<{ code: number; stdout: string; stderr: string }>;

export const runProgram: RunProgram = (file, args) =>
  new Promise((resolve) => {
    execFile(file, [...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code =
        error === null ? 0 : typeof error.code === "number" ? error.code : error.code ? 127 : 1;
      resolve({ code, stdout, stderr: error && !stderr ? error.message : stderr });
    });
  });

export interface DockerBuild {
  /** The directory holding the build context (`labenv build --out`). */
  contextDir: string;
  /** The local image name and tag: `labenv/<lab>:<env>-ctx-…`, as ECR would hold it. */
  image: string;
}

/**
 * The `docker` build driver, for engineers with a Docker daemon: `docker buildx build` of the
 * generated context, loaded into the local daemon under the name ECR would give it. Refuses
 * with what to do when there is no docker or no daemon; a failed build names its last output.
 * Returns the image id the daemon holds.
 */
export async function dockerBuild(
  build: DockerBuild,
  run: RunProgram = runProgram,
): Promise<string> {
  const info = await run("docker", ["info", "--format", "{{.ServerVersion}}"]);
  if (info.code !== 0)
    throw new LabenvError(
      "config",
      info.code === 127
        ? "docker is not installed (no docker on PATH)"
        : `no Docker daemon answers: ${lastLine(info.stderr)}`,
      {
        hint: "start Docker, or build on AWS with target: aws (CodeBuild); --out writes the context alone",
      },
    );
  const built = await run("docker", [
    "buildx",
    "build",
    "--provenance=false",
    "--load",
    "--tag",
    build.image,
    build.contextDir,
  ]);
  if (built.code !== 0)
    throw new LabenvError(
      "provider",
      `docker buildx build of ${build.image} failed (exit ${built.code}): ${lastLine(built.stderr)}`,
      {
        hint: `the context is in ${build.contextDir}: run the same docker buildx build there to see every step`,
      },
    );
  const inspected = await run("docker", ["image", "inspect", "--format", "{{.Id}}", build.image]);
  if (inspected.code !== 0)
    throw new LabenvError(
      "provider",
      `docker built ${build.image} but cannot inspect it: ${lastLine(inspected.stderr)}`,
    );
  return inspected.stdout.trim();
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split("\n")
      .filter((l) => l.trim() !== "")
      .pop() ?? "no output"
  ).slice(0, 300);
}
