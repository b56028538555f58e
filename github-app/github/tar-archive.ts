import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { LabenvError } from "../../reconciler/core/errors.js";

const gunzipAsync = promisify(gunzip);

/** The most a repository archive may unpack to; a larger one is refused rather than read. */
export const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;

const BLOCK = 512;

/** One file of an archive: regular files carry their bytes, symbolic links are marked. */
export interface ArchiveEntry {
  path: string;
  content: Uint8Array;
  symlink: boolean;
}

/**
 * Unpacks a gzipped tar as GitHub's tarball endpoint (and `git archive`)
 * writes it: ustar headers, pax extended headers for long names, a pax
 * global header carrying the commit, and one top-level directory
 * (`owner-repo-sha/`) that is stripped. Directories are skipped; file
 * contents are views into one buffer (no copies).
 */
export async function unpackTarball(
  gz: Uint8Array,
  options: { maxBytes?: number } = {},
): Promise<ArchiveEntry[]> {
  let tar: Buffer;
  try {
    tar = await gunzipAsync(gz, { maxOutputLength: options.maxBytes ?? MAX_ARCHIVE_BYTES });
  } catch (e) {
    throw new LabenvError(
      "git",
      `the repository archive cannot be unpacked: ${(e as Error).message}`,
      { cause: e },
    );
  }
  return readTar(tar);
}

export function readTar(tar: Uint8Array): ArchiveEntry[] {
  const out: ArchiveEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = readSize(header.subarray(124, 136));
    const type = String.fromCharCode(header[156]!);
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    if (body.length < size) throw new LabenvError("git", "the repository archive is truncated");
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === "x") {
      longName = paxRecords(body).get("path") ?? longName;
      continue;
    }
    if (type === "L") {
      longName = text(body);
      continue;
    }
    if (type === "g") continue;
    const name =
      longName ?? joinName(text(header.subarray(345, 500)), text(header.subarray(0, 100)));
    longName = undefined;
    if (type !== "0" && type !== "\0" && type !== "2" && type !== "7") continue;
    const path = stripTopDirectory(name);
    if (path)
      out.push({ path, content: type === "2" ? new Uint8Array(0) : body, symlink: type === "2" });
  }
  return out;
}

function stripTopDirectory(name: string): string {
  const slash = name.indexOf("/");
  return slash >= 0 ? name.slice(slash + 1) : "";
}

function joinName(prefix: string, name: string): string {
  return prefix ? `${prefix}/${name}` : name;
}

function text(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return Buffer.from(end >= 0 ? bytes.subarray(0, end) : bytes).toString("utf8");
}

/** Octal, or base-256 when the high bit of the first byte is set (files over 8 GiB). */
function readSize(field: Uint8Array): number {
  if (field[0]! & 0x80) {
    let n = field[0]! & 0x7f;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i]!;
    return n;
  }
  const s = text(field).trim();
  return s === "" ? 0 : Number.parseInt(s, 8);
}

/** `<len> key=value\n` records of a pax header. */
function paxRecords(body: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const space = body.indexOf(0x20, i);
    if (space < 0) break;
    const len = Number.parseInt(Buffer.from(body.subarray(i, space)).toString("ascii"), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const record = Buffer.from(body.subarray(space + 1, i + len - 1)).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    i += len;
  }
  return out;
}
