import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { desire } from "../../core/desire/desire.js";
import { LabenvError } from "../../core/errors.js";
import type { ImageBuildSpec } from "../../core/model/resources.js";
import { dockerBuild } from "../../adapters/docker/docker-build.js";
import { ecrImageTag } from "../../adapters/aws/image-build-names.js";
import type { CliIO } from "../io.js";
import { openContext } from "../context.js";

interface BuildOptions {
  repo: string;
  out?: string;
  docker?: boolean;
  json?: boolean;
}

interface BuildRow {
  environment: string;
  status: "pushed" | "to build" | "not built on this target";
  tag: string;
  contextDigest: string;
  image: string;
  summary: string;
}

/**
 * `labenv build [lab/env]`: each environment's image as its lock asks for it — the build
 * context's tag, whether that image was pushed, and the image by digest — and, with `--out`,
 * the build context itself, to read or to build with `docker buildx build`; with `--docker`,
 * that build, by the local Docker daemon (the `docker` build driver).
 */
export function registerBuild(program: Command, io: CliIO): void {
  program
    .command("build")
    .description(
      "show each environment's image build (pushed or to build), or write its build context with --out",
    )
    .argument("[environment]", "lab/env (default: all)")
    .option("--repo <dir>", "repository directory", ".")
    .option(
      "--out <dir>",
      "write the environment's build context (Dockerfile …) into this directory",
    )
    .option(
      "--docker",
      "build the environment's image here with docker buildx build (needs a Docker daemon)",
    )
    .option("--json", "print as JSON")
    .action(async (env: string | undefined, o: BuildOptions) => {
      const ctx = openContext(o.repo, io.now);
      if (env && !ctx.repository.environments.has(env))
        throw new LabenvError("usage", `there is no environment ${env}`, {
          hint: `environments: ${[...ctx.repository.environments.keys()].sort().join(", ")}`,
        });
      // A local docker build is of the environment's own image, whatever the target builds.
      const { state } = desire(ctx.repository, {
        imageBuilds: o.docker === true || (ctx.provider.buildsImages ?? false),
      });
      const builds = state.resources.filter(
        (r) => r.kind === "image-build" && (!env || r.environment === env),
      );
      if (o.out || o.docker) {
        if (!env)
          throw new LabenvError(
            "usage",
            `${o.docker ? "--docker" : "--out"} needs one environment (lab/env)`,
          );
        const build = builds[0];
        if (!build)
          throw new LabenvError("usage", `${env} has no image build on this target`, {
            hint: "with target: aws the task runs the pack image the lock names",
          });
        const spec = build.spec as ImageBuildSpec;
        const out = o.out ? resolve(o.out) : mkdtempSync(join(tmpdir(), "labenv-context-"));
        for (const f of spec.files) {
          const path = join(out, f.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, f.content);
        }
        io.out(`✓ wrote the build context of ${env} (${build.key}) to ${out}`);
        if (!o.docker) return;
        const image = `${spec.repository}:${ecrImageTag(env.split("/")[1]!, spec.tag)}`;
        const id = await dockerBuild({ contextDir: out, image });
        io.out(`✓ built ${image} with docker: ${id}`);
        return;
      }
      const observed = new Map(
        (await ctx.provider.observe()).resources
          .filter((r) => r.kind === "image-build")
          .map((r) => [r.key, r]),
      );
      const rows: BuildRow[] = [...ctx.repository.environments.keys()]
        .filter((e) => !env || e === env)
        .sort()
        .map((e) => {
          const b = builds.find((r) => r.environment === e);
          if (!b)
            return {
              environment: e,
              status: "not built on this target",
              tag: "",
              contextDigest: "",
              image: ctx.repository.locks.get(e)?.doc.spec.image ?? "",
              summary: "",
            };
          const spec = b.spec as ImageBuildSpec;
          const pushed = observed.get(b.key);
          return {
            environment: e,
            status: pushed ? "pushed" : "to build",
            tag: spec.tag,
            contextDigest: spec.contextDigest,
            image: pushed?.id ?? "",
            summary: spec.summary,
          };
        });
      if (o.json) return io.out(JSON.stringify({ builds: rows }, null, 2));
      const width = Math.max(...rows.map((r) => r.environment.length), 11);
      for (const r of rows) {
        io.out(
          `${r.environment.padEnd(width)}  ${r.status.padEnd(8)}  ${r.tag || "-"}  ${r.summary}`,
        );
        if (r.image) io.out(`${" ".repeat(width)}  image ${r.image}`);
      }
      const waiting = rows.filter((r) => r.status === "to build").length;
      if (waiting)
        io.out(
          `\n${waiting} image${waiting === 1 ? "" : "s"} to build: labenv apply builds them (a lock that was built is never built again)`,
        );
    });
}
