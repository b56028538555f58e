import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from "node:fs";
import { constants } from "node:fs";
import { dirname, join } from "node:path";
import { IMAGE_EXAMPLES_DIR } from "../../core/image/build-context.js";
import { CONTAINER } from "../../core/desire/names.js";
import { writeFileAtomic } from "../file/atomic-write.js";
import type { SandboxAccount } from "./sandbox-account.js";
import type { SandboxStorage } from "./sandbox-storage.js";

const RECORD = ".labenv/examples.json";
const MAX_EXAMPLE_BYTES = 1024 * 1024;
const MAX_EXAMPLES = 20;

export type PlacementOutcome = "placed" | "kept" | "refused";

/**
 * What a container's start does to its home, as the image's start hook does it on AWS
 * (`place_examples` in reconciler/agent/labenv_jupyter.py, run by the labenv server extension
 * when Jupyter starts): the pack's example notebooks the *built image* holds are placed in
 * `examples/` of the home, each once, recorded in `.labenv/examples.json`, never over a file
 * already there and never again after that. The image's files come from the sandbox's image
 * store, written by the image build from the build context; the home is the task's EFS access
 * point's directory.
 */
export function startContainer(
  account: SandboxAccount,
  storage: SandboxStorage,
  taskDefinitionArn: string,
): Record<string, PlacementOutcome> {
  const td = account.taskDefinitions.find((t) => t.arn === taskDefinitionArn);
  const body = td?.body as
    | {
        containerDefinitions?: {
          name: string;
          image: string;
          mountPoints?: { sourceVolume: string; containerPath: string }[];
        }[];
        volumes?: {
          name: string;
          efsVolumeConfiguration?: { authorizationConfig?: { accessPointId?: string } };
        }[];
      }
    | undefined;
  const container = body?.containerDefinitions?.find((c) => c.name === CONTAINER.name);
  const homeVolume = container?.mountPoints?.find(
    (m) => m.containerPath === CONTAINER.homePath,
  )?.sourceVolume;
  const accessPointId = body?.volumes?.find((v) => v.name === homeVolume)?.efsVolumeConfiguration
    ?.authorizationConfig?.accessPointId;
  const accessPoint = account.accessPoints.find((a) => a.id === accessPointId);
  const image = (account.images ?? []).find((i) => i.id === container?.image);
  if (!accessPoint || !image?.contents.files) return {};
  const imageFile = (path: string): Buffer | undefined => {
    const f = image.contents.files!.find((x) => x.path === path);
    return f ? storage.readImageFile(f.sha256) : undefined;
  };
  try {
    return placeExamples(storage.efsPath(accessPoint.rootDirectory.path), imageFile);
  } catch {
    // As on AWS: the server extension logs that the examples were not placed and Jupyter starts
    // (e.g. the researcher keeps a file named `examples`); the task runs either way.
    return {};
  }
}

/** The start hook's placement, given the home directory and the image's files by path. */
export function placeExamples(
  home: string,
  imageFile: (path: string) => Buffer | undefined,
): Record<string, PlacementOutcome> {
  const manifest = parseJson(imageFile(`${IMAGE_EXAMPLES_DIR}/manifest.json`)) as {
    pack?: unknown;
    examples?: unknown;
  } | null;
  if (!manifest || typeof manifest !== "object" || !Array.isArray(manifest.examples)) return {};
  const recordPath = join(home, RECORD);
  const record = existsSync(recordPath)
    ? (parseJson(readFileSync(recordPath)) as { examples?: unknown } | null)
    : null;
  const placed: Record<string, unknown> =
    record &&
    typeof record.examples === "object" &&
    record.examples &&
    !Array.isArray(record.examples)
      ? { ...(record.examples as Record<string, unknown>) }
      : {};
  const outcomes: Record<string, PlacementOutcome> = {};
  for (const entry of (manifest.examples as unknown[]).slice(0, MAX_EXAMPLES)) {
    const e = entry as { file?: unknown; sha256?: unknown; size?: unknown } | null;
    const name = e && typeof e.file === "string" ? e.file : undefined;
    if (!name || name.includes("/") || name.startsWith(".") || name in placed) continue;
    const target = join(home, "examples", name);
    let outcome: PlacementOutcome;
    if (exists(target)) outcome = "kept";
    else {
      const data = imageFile(`${IMAGE_EXAMPLES_DIR}/${name}`);
      if (!data) continue;
      const digest = `sha256:${createHash("sha256").update(data).digest("hex")}`;
      if (
        data.byteLength > MAX_EXAMPLE_BYTES ||
        data.byteLength !== e!.size ||
        digest !== e!.sha256
      ) {
        outcomes[name] = "refused";
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      outcome = writeExclusive(target, data) ? "placed" : "kept";
    }
    placed[name] = { outcome, pack: manifest.pack, sha256: e!.sha256 };
    outcomes[name] = outcome;
  }
  if (Object.values(outcomes).some((o) => o !== "refused")) {
    mkdirSync(dirname(recordPath), { recursive: true });
    writeFileAtomic(recordPath, `${JSON.stringify({ examples: sortKeys(placed) }, null, 2)}\n`);
  }
  return outcomes;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Creates the file only when nothing is there (O_EXCL, never through a link). */
function writeExclusive(path: string, data: Buffer): boolean {
  let fd: number;
  try {
    fd = openSync(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o644,
    );
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
  try {
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
  return true;
}

function parseJson(bytes: Buffer | undefined): unknown {
  if (!bytes || bytes.byteLength > MAX_EXAMPLE_BYTES) return null;
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

/** Keys sorted at every level, as Python's json.dumps(sort_keys=True) writes them. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}
