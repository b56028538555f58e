import { createHash } from "node:crypto";
import { canonicalJson, sha256Hex } from "../../core/lock/canonical.js";
import { lockedKernels } from "../../core/lock/build-lock.js";
import { IMAGE_EXAMPLES_DIR, type ContextFile } from "../../core/image/build-context.js";
import { manifestPackages } from "../../core/image/julia-project.js";
import type { EnvironmentLock, Repository } from "../../core/model/documents.js";
import { awsError } from "./sandbox-account.js";

/** What an image holds, as the labenv agent inside a container built from it reports it. */
export interface ImageContents {
  python: string;
  packages: { name: string; version: string; requested: boolean }[];
  kernels: EnvironmentLock["spec"]["kernels"];
  extensions: { name: string; version: string }[];
  /** Jupyter settings found in the image's config files, each as the hash of its value. */
  config: { key: string; sha256: string }[];
  /** R and its packages beyond R's own, when the image has R (a pack's `provides.r`). */
  r?: { version?: string; packages: { name: string; version: string }[] };
  /** The Julia packages the image's Julia step installed from its Manifest.toml (labenv's Julia project). */
  julia?: { name: string; version: string; gitTreeSha1: string }[];
  /** The pack's example notebooks and their manifest in the image (/opt/labenv/examples/); absent when none. */
  files?: ImageFile[];
}

/** A file the build put in the image; its bytes are kept by sha256 beside the account (SandboxStorage). */
export interface ImageFile {
  path: string;
  sha256: string;
  size: number;
}

/** The upstream registry the sandbox pulls from: an image reference → what that image holds. */
export type ImageRegistry = (ref: string) => ImageContents | undefined;

/**
 * The domain packs' published images, as the sandbox's upstream registry: a pack image holds the
 * pack's Python, its pinned packages, all its kernels and extensions, and no Jupyter settings.
 * This is the pack maintainers' side of the world; what labenv builds on top comes from the
 * build context only.
 */
export function packImageRegistry(repo: Repository): ImageRegistry {
  const byRef = new Map<string, ImageContents>();
  for (const [, pack] of repo.packs) {
    const spec = pack.doc.spec;
    if (byRef.has(spec.image)) continue;
    byRef.set(spec.image, {
      python: spec.python,
      packages: Object.entries(spec.packages ?? {})
        .map(([name, version]) => ({ name, version: String(version), requested: true }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
      kernels: lockedKernels({ spec: {} } as Parameters<typeof lockedKernels>[0], pack.doc),
      extensions: [...(spec.extensions ?? [])]
        .map((e) => ({ name: e.name, version: e.version }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
      config: [],
      ...(spec.provides?.r ? { r: packImageR(spec.provides.r) } : {}),
    });
  }
  return (ref) => byRef.get(ref);
}

function packImageR(provides: Record<string, string | undefined>): NonNullable<ImageContents["r"]> {
  return {
    ...(provides.R ? { version: String(provides.R) } : {}),
    packages: Object.entries(provides)
      .filter(([name]) => name !== "R")
      .map(([name, version]) => ({ name, version: String(version) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/**
 * Builds an image the way `docker build` would run the generated Dockerfile, for the instructions
 * labenv generates: FROM (pulled from the registry), COPY into the build's scratch directory or
 * the image, `pip install --no-deps [--require-hashes] -r <file>`, `jupyter kernelspec remove`,
 * LABEL and ENV. Anything else fails the build, as an unknown command would: what the container
 * reports afterwards comes from these files alone, never from the lock.
 */
export function buildImage(
  files: readonly ContextFile[],
  registry: ImageRegistry,
): { contents: ImageContents; base: string; layer: Map<string, string> } {
  const file = new Map(files.map((f) => [f.path, f.content]));
  const dockerfile = file.get("Dockerfile");
  if (dockerfile === undefined) throw buildError("the build context has no Dockerfile");
  const instructions = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const first = instructions[0] ?? "";
  const from = /^FROM\s+(\S+)$/.exec(first);
  if (!from) throw buildError(`the Dockerfile must start with FROM, not \`${first}\``);
  const base = registry(from[1]!);
  if (!base) throw buildError(`manifest unknown: ${from[1]} is not in the registry`);
  const packages = new Map(base.packages.map((p) => [p.name, { ...p }]));
  const kernels = new Map(base.kernels.map((k) => [k.name, { ...k }]));
  const config = new Map(base.config.map((c) => [c.key, c.sha256]));
  const rPackages = base.r ? new Map(base.r.packages.map((p) => [p.name, p.version])) : undefined;
  const scratch = new Map<string, string>();
  let juliaPackages: ImageContents["julia"];
  /** Files copied into the image where its start hook reads them (the pack's examples). */
  const layer = new Map<string, string>();
  for (const line of instructions.slice(1)) {
    const [op, ...rest] = line.split(/\s+/);
    if (op === "LABEL" || op === "ENV") continue;
    if (op === "COPY") {
      const dest = rest.pop()!;
      for (const src of rest) {
        const content = file.get(src);
        if (content === undefined) throw buildError(`COPY failed: ${src} is not in the context`);
        const target = dest.endsWith("/") ? `${dest}${src.split("/").pop()}` : dest;
        scratch.set(target, content);
        if (target.startsWith(`${IMAGE_EXAMPLES_DIR}/`)) layer.set(target, content);
        if (dest.startsWith("/etc/jupyter/") && dest.endsWith(".json"))
          for (const [key, sha256] of settingsOf(content, src)) config.set(key, sha256);
      }
      continue;
    }
    const pip =
      /^RUN python -m pip install --no-cache-dir --no-deps( --require-hashes)? -r (\S+)$/.exec(
        line,
      );
    if (pip) {
      const content = scratch.get(pip[2]!);
      if (content === undefined) throw buildError(`pip: could not open ${pip[2]}`);
      const requested = pip[2]!.endsWith("/requirements.txt");
      for (const req of content.split("\n").filter((l) => l.trim())) {
        const m = /^([A-Za-z0-9._-]+)==(\S+)(?:\s+--hash=sha256:([a-f0-9]{64}))?$/.exec(req.trim());
        if (!m) throw buildError(`pip: cannot read the requirement \`${req}\` in ${pip[2]}`);
        if (pip[1] && !m[3])
          throw buildError(`pip: hashes are required in --require-hashes mode: ${m[1]}==${m[2]}`);
        packages.set(m[1]!, { name: m[1]!, version: m[2]!, requested });
      }
      continue;
    }
    const rInstall = /^RUN Rscript \/tmp\/labenv\/install_r_packages\.R (\S+) (\S+)$/.exec(line);
    if (rInstall) {
      if (!rPackages) throw buildError("/bin/sh: 1: Rscript: not found (the base image has no R)");
      const content = scratch.get(rInstall[2]!);
      if (content === undefined) throw buildError(`Rscript: cannot open ${rInstall[2]}`);
      for (const req of content.split("\n").filter((l) => l.trim())) {
        const m = /^([A-Za-z][A-Za-z0-9.]*)==(\S+)(?: ([a-f0-9]{32}))?$/.exec(req.trim());
        if (!m) throw buildError(`Rscript: cannot read \`${req}\` in ${rInstall[2]}`);
        rPackages.set(m[1]!, m[2]!);
      }
      continue;
    }
    // The Julia step (julia-project.ts): the base needs Julia, the project needs its manifest.
    // Pkg installs exactly the manifest's trees: the sandbox records them as installed.
    const julia =
      /^RUN JULIA_DEPOT_PATH=\S+ JUPYTER_DATA_DIR=\S+ julia --project=(\S+) -e '.+'$/.exec(line);
    if (julia) {
      if (![...kernels.values()].some((k) => k.language === "julia"))
        throw buildError("/bin/sh: 1: julia: not found (the base image has no Julia kernel)");
      for (const f of ["Project.toml", "Manifest.toml"])
        if (!scratch.has(`${julia[1]}/${f}`))
          throw buildError(`Pkg: ${julia[1]}/${f} is not in the image`);
      juliaPackages = manifestPackages(scratch.get(`${julia[1]}/Manifest.toml`)!);
      continue;
    }
    const remove = /^RUN jupyter kernelspec remove -y (.+)$/.exec(line);
    if (remove) {
      for (const k of remove[1]!.split(/\s+/)) {
        if (!kernels.delete(k)) throw buildError(`jupyter kernelspec: no such kernel ${k}`);
      }
      continue;
    }
    throw buildError(`the sandbox cannot run \`${line}\``);
  }
  const sorted = <T extends { name: string }>(xs: Iterable<T>) =>
    [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const imageFiles = [...layer]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, content]) => ({
      path,
      sha256: `sha256:${sha256Hex(content)}`,
      size: Buffer.byteLength(content),
    }));
  return {
    base: from[1]!,
    layer,
    contents: {
      ...(imageFiles.length ? { files: imageFiles } : {}),
      ...(juliaPackages ? { julia: juliaPackages } : {}),
      ...(rPackages
        ? {
            r: {
              ...(base.r?.version ? { version: base.r.version } : {}),
              packages: [...rPackages]
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([name, version]) => ({ name, version })),
            },
          }
        : {}),
      python: base.python,
      packages: sorted(packages.values()),
      kernels: sorted(kernels.values()),
      extensions: sorted(base.extensions),
      config: [...config]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, sha256]) => ({ key, sha256 })),
    },
  };
}

/** A pushed image's digest: the sandbox's stand-in for the manifest digest, fixed by what went in. */
export function imageDigest(base: string, contextDigest: string): string {
  return `sha256:${createHash("sha256").update(`${base}\n${contextDigest}`).digest("hex")}`;
}

/** Jupyter's JSON config: `{"Section": {"option": value}}`, each setting hashed as the lock hashes it. */
function settingsOf(content: string, path: string): [string, string][] {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw buildError(`${path} is not JSON`);
  }
  const out: [string, string][] = [];
  for (const [section, options] of Object.entries(json as Record<string, unknown>)) {
    if (options === null || typeof options !== "object")
      throw buildError(`${path}: ${section} is not a section`);
    for (const [option, value] of Object.entries(options as Record<string, unknown>))
      out.push([`${section}.${option}`, sha256Hex(canonicalJson(value))]);
  }
  return out;
}

function buildError(message: string) {
  return awsError("BuildFailed", `image build failed: ${message}`);
}
