import { AGENT_FILES } from "./generated/agent-files.js";
import { canonicalJson, digestOf, sha256Hex } from "../lock/canonical.js";
import { lockDigest } from "../lock/build-lock.js";
import type { DomainPack, Environment, EnvironmentLock } from "../model/documents.js";
import type { PackExample } from "../packs/pack-examples.js";
import { R_INSTALL_SCRIPT } from "./r-install-script.js";
import {
  JULIA_DEPOT_DIR,
  JULIA_PROJECT_DIR,
  juliaProjectFiles,
  juliaRunLine,
} from "./julia-project.js";

/**
 * An environment's image build context: the files a builder (CodeBuild, `docker buildx`, the
 * sandbox) builds its image from, made from the lock alone plus the setting values the lock
 * records only as hashes. Pure and deterministic: the same lock always gives the same bytes, so
 * the context's digest names the image, and one lock maps to one image forever.
 */
export interface BuildContext {
  /** Files by path, sorted. */
  files: ContextFile[];
  /** sha256 over every file's path and bytes. */
  digest: string;
  /** The immutable image tag: `ctx-` and the first 16 hex digits of the digest. */
  tag: string;
  /** The pack image it builds on, by digest. */
  base: string;
  /** What the image adds to its base, for people: the plan line, `labenv build`. */
  summary: string;
}

export interface ContextFile {
  path: string;
  content: string;
}

/** Where the image's Jupyter settings are written: the full effective settings, replacing any the pack image ships. */
export const CONFIG_FILE = "etc/jupyter/jupyter_server_config.json";
/** The packages the environment asks for, installed exactly, without resolving again. */
export const REQUIREMENTS_FILE = "requirements.txt";
/** The packages those depend on that the pack image does not hold. */
export const DEPENDENCIES_FILE = "dependencies.txt";
/** The locked R packages the pack image does not hold, `name==version md5`, and the script that installs them. */
export const R_PACKAGES_FILE = "r-packages.txt";
export const R_INSTALL_FILE = "labenv/r/install_r_packages.R";
/** The locked Julia packages as a Julia project the image instantiates. */
export const JULIA_PROJECT_FILE = "labenv/julia/Project.toml";
export const JULIA_MANIFEST_FILE = "labenv/julia/Manifest.toml";
/** labenv's own server settings (the provenance hook, the server extension that starts the agent). */
export const LABENV_SETTINGS_FILE = "etc/jupyter/jupyter_server_config.d/labenv.json";
export const AGENT_FILE = "labenv/agent/observe.py";
export const HOOK_FILE = "labenv/python/labenv_jupyter.py";
const HOOK_DIR = "/opt/labenv/python";
/** The pack's example notebooks in the context, with manifest.json listing each one's sha256 and size. */
export const EXAMPLES_DIR = "labenv/examples";
/** Where the image holds them; the start hook (labenv_jupyter.py) places them in the home from there. */
export const IMAGE_EXAMPLES_DIR = "/opt/labenv/examples";
const DEFAULT_AGENT_PATH = "/opt/labenv/agent/observe.py";

/**
 * Settings labenv writes into every image, apart from the environment's own: drift does not
 * count them as the researcher's config when they hold exactly these values.
 */
export const LABENV_SERVER_SETTINGS: Readonly<Record<string, unknown>> = {
  "ContentsManager.pre_save_hook": "labenv_jupyter.pre_save_hook",
  "ServerApp.jpserver_extensions": { labenv_jupyter: true },
};

export interface BuildInputs {
  lock: EnvironmentLock;
  environment: Environment;
  pack: DomainPack;
  /** The pack version's example notebooks, checked against its spec.examples (pack-examples.ts). */
  examples?: readonly PackExample[];
}

export function buildContext({
  lock,
  environment,
  pack,
  examples = [],
}: BuildInputs): BuildContext {
  const { lab, name } = lock.metadata;
  const spec = lock.spec;
  const added = spec.packages.filter((p) => p.source !== "pack");
  const requested = added.filter((p) => p.source === "environment");
  const dependencies = added.filter((p) => p.source !== "environment");
  const hashed = added.length > 0 && added.every((p) => p.sha256 !== undefined);
  const wantedKernels = new Set(spec.kernels.map((k) => k.name));
  const removedKernels = pack.spec.kernels
    .map((k) => k.name)
    .filter((k) => !wantedKernels.has(k))
    .sort();
  const settings = effectiveSettings(environment, pack);
  const files: ContextFile[] = [
    { path: REQUIREMENTS_FILE, content: requirementLines(requested) },
    { path: DEPENDENCIES_FILE, content: requirementLines(dependencies) },
    { path: CONFIG_FILE, content: `${JSON.stringify(nestSettings(settings), null, 2)}\n` },
    {
      path: LABENV_SETTINGS_FILE,
      content: `${JSON.stringify(nestSettings(LABENV_SERVER_SETTINGS), null, 2)}\n`,
    },
    { path: AGENT_FILE, content: AGENT_FILES["observe.py"] },
    { path: HOOK_FILE, content: AGENT_FILES["labenv_jupyter.py"] },
  ];
  const rInstalled = (spec.r?.packages ?? []).filter((p) => p.source !== "pack");
  if (rInstalled.length)
    files.push(
      {
        path: R_PACKAGES_FILE,
        content: rInstalled
          .map((p) => `${p.name}==${p.version}${p.md5 ? ` ${p.md5}` : ""}\n`)
          .join(""),
      },
      { path: R_INSTALL_FILE, content: R_INSTALL_SCRIPT },
    );
  const julia = spec.julia;
  const juliaKernel = pack.spec.kernels.find((k) => k.language === "julia")?.name;
  if (julia) {
    const { project, manifest } = juliaProjectFiles(julia);
    files.push(
      { path: JULIA_PROJECT_FILE, content: project },
      { path: JULIA_MANIFEST_FILE, content: manifest },
    );
  }
  const exampleFiles = examples.map((e) => `${EXAMPLES_DIR}/${e.file}`);
  if (examples.length) {
    const manifest = {
      pack: `${spec.domainPack.name}@${spec.domainPack.version}`,
      examples: examples.map((e) => ({ file: e.file, sha256: e.sha256, size: e.size })),
    };
    files.push({
      path: `${EXAMPLES_DIR}/manifest.json`,
      content: `${JSON.stringify(manifest, null, 2)}\n`,
    });
    examples.forEach((e, i) => files.push({ path: exampleFiles[i]!, content: e.content }));
  }
  const agentPath = pack.spec.agent?.path ?? DEFAULT_AGENT_PATH;
  const interval = pack.spec.agent?.intervalMinutes ?? 15;
  const pip = (file: string) =>
    `RUN python -m pip install --no-cache-dir --no-deps${hashed ? " --require-hashes" : ""} -r /tmp/labenv/${file}`;
  const dockerfile = [
    "# syntax=docker/dockerfile:1",
    `# Generated by labenv from ${lab}/${name}'s environment.lock.yaml. Do not edit: run labenv lock.`,
    `FROM ${spec.image}`,
    `LABEL org.opencontainers.image.title="labenv ${lab}/${name}" \\`,
    `      org.opencontainers.image.base.name="${spec.image}" \\`,
    `      io.labenv.lab="${lab}" \\`,
    `      io.labenv.environment="${name}" \\`,
    `      io.labenv.domain-pack="${spec.domainPack.name}@${spec.domainPack.version}" \\`,
    `      io.labenv.lock-digest="${lockDigest(lock)}"`,
    `COPY ${REQUIREMENTS_FILE} ${DEPENDENCIES_FILE} /tmp/labenv/`,
    ...(dependencies.length ? [pip(DEPENDENCIES_FILE)] : []),
    ...(requested.length ? [pip(REQUIREMENTS_FILE)] : []),
    ...(rInstalled.length
      ? [
          `COPY ${R_PACKAGES_FILE} ${R_INSTALL_FILE} /tmp/labenv/`,
          `RUN Rscript /tmp/labenv/install_r_packages.R ${spec.r!.repository} /tmp/labenv/${R_PACKAGES_FILE}`,
        ]
      : []),
    ...(julia
      ? [
          `COPY ${JULIA_PROJECT_FILE} ${JULIA_MANIFEST_FILE} ${JULIA_PROJECT_DIR}/`,
          juliaRunLine(juliaKernel ?? "julia"),
        ]
      : []),
    ...(removedKernels.length
      ? [`RUN jupyter kernelspec remove -y ${removedKernels.join(" ")}`]
      : []),
    `COPY ${CONFIG_FILE} /${CONFIG_FILE}`,
    `COPY ${LABENV_SETTINGS_FILE} /${LABENV_SETTINGS_FILE}`,
    `COPY ${AGENT_FILE} ${agentPath}`,
    `COPY ${HOOK_FILE} ${HOOK_DIR}/labenv_jupyter.py`,
    ...(examples.length
      ? [`COPY ${EXAMPLES_DIR}/manifest.json ${exampleFiles.join(" ")} ${IMAGE_EXAMPLES_DIR}/`]
      : []),
    `ENV LABENV_LAB=${lab} LABENV_ENVIRONMENT=${name} LABENV_LOCK_DIGEST=${lockDigest(lock)} \\`,
    `    LABENV_AGENT_INTERVAL_MINUTES=${interval} PYTHONPATH=${HOOK_DIR}${julia ? ` \\` : ""}`,
    // The researcher's own depot first (writable), then the one the image instantiated.
    ...(julia
      ? [`    JULIA_DEPOT_PATH=:${JULIA_DEPOT_DIR} JULIA_PROJECT=${JULIA_PROJECT_DIR}`]
      : []),
    "",
  ].join("\n");
  files.push({ path: "Dockerfile", content: dockerfile });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const digest = contextDigest(files);
  const shown = added.slice(0, 3).map((p) => `${p.name} ${p.version}`);
  const more = added.length > shown.length ? ", …" : "";
  const summary = [
    `${spec.domainPack.name}@${spec.domainPack.version}`,
    added.length
      ? ` + ${added.length} package${added.length === 1 ? "" : "s"} (${shown.join(", ")}${more})`
      : " with no added packages",
    spec.kernels.length ? `, kernels ${spec.kernels.map((k) => k.name).join(" ")}` : "",
    rInstalled.length
      ? `, ${rInstalled.length} R package${rInstalled.length === 1 ? "" : "s"} (${rInstalled
          .slice(0, 3)
          .map((p) => `${p.name} ${p.version}`)
          .join(", ")}${rInstalled.length > 3 ? ", …" : ""})`
      : "",
    julia
      ? `, ${julia.packages.length} Julia package${julia.packages.length === 1 ? "" : "s"} (${julia.packages
          .slice(0, 3)
          .map((p) => `${p.name} ${p.version}`)
          .join(", ")}${julia.packages.length > 3 ? ", …" : ""})`
      : "",
    examples.length
      ? `, ${examples.length} example notebook${examples.length === 1 ? "" : "s"}`
      : "",
  ].join("");
  return { files, digest, tag: `ctx-${digest.slice(7, 23)}`, base: spec.image, summary };
}

/** The digest of a context: what a builder is given is exactly what it is named after. */
export function contextDigest(files: readonly ContextFile[]): string {
  return digestOf(files.map((f) => [f.path, sha256Hex(f.content)]));
}

/** `name==version`, with the index's hash when the lock carries one (pip's hash-checking mode). */
function requirementLines(
  packages: readonly { name: string; version: string; sha256?: string | undefined }[],
): string {
  return packages
    .map((p) => `${p.name}==${p.version}${p.sha256 ? ` --hash=sha256:${p.sha256}` : ""}\n`)
    .join("");
}

/** Pack defaults overridden by the environment: the values the lock hashes (see lockedConfig). */
export function effectiveSettings(env: Environment, pack: DomainPack): Record<string, unknown> {
  return { ...(pack.spec.defaults?.jupyterConfig ?? {}), ...(env.spec.jupyterConfig ?? {}) };
}

/** `ServerApp.ip: x` becomes `{"ServerApp": {"ip": x}}`, Jupyter's JSON config layout. */
function nestSettings(settings: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(settings).sort()) {
    const dot = key.indexOf(".");
    const section = dot < 0 ? key : key.slice(0, dot);
    const option = dot < 0 ? "" : key.slice(dot + 1);
    (out[section] ??= {})[option] = JSON.parse(canonicalJson(settings[key])) as unknown;
  }
  return out;
}
