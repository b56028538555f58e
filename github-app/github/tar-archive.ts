import { createGunzip } from "node:zlib";
import { LabenvError } from "../../reconciler/core/errors.js";

/** The most a repository archive may unpack to; a larger one is refused rather than read. */
export const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;

const BLOCK = 512;
/** Bytes gunzip hands over at a time: the unpacked tar never exists whole, only these. */
const CHUNK = 64 * 1024;

/** One file of an archive: regular files carry their bytes, symbolic links are marked. */
export interface ArchiveEntry {
  path: string;
  content: Uint8Array;
  symlink: boolean;
}

export interface UnpackOptions {
  maxBytes?: number;
  /**
   * Which files to copy out (default: all). A file not kept is skipped as it streams by, its
   * bytes never copied; `onFile` still sees its path.
   */
  keep?: (path: string) => boolean;
  /** Called with the path of every file and symbolic link of the archive, kept or not, in order. */
  onFile?: (path: string) => void;
}

/**
 * Unpacks a gzipped tar as GitHub's tarball endpoint (and `git archive`)
 * writes it: ustar headers, pax extended headers for long names, a pax
 * global header carrying the commit, and one top-level directory
 * (`owner-repo-sha/`) that is stripped. Directories are skipped. The tar is
 * read as gunzip streams it: each file's bytes are copied into a buffer of
 * their own and nothing else is kept, so memory holds the files, not the
 * unpacked archive (and not the chunks gunzip would join into it).
 */
export async function unpackTarball(
  gz: Uint8Array,
  options: UnpackOptions = {},
): Promise<ArchiveEntry[]> {
  const max = options.maxBytes ?? MAX_ARCHIVE_BYTES;
  const reader = tarReader(max, options);
  const gunzip = createGunzip({ chunkSize: CHUNK });
  let unpacked = 0;
  try {
    gunzip.end(gz);
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      unpacked += chunk.length;
      if (unpacked > max) throw new Error(`it unpacks to more than ${max} bytes`);
      reader.push(chunk);
    }
  } catch (e) {
    gunzip.destroy();
    if (e instanceof LabenvError) throw e;
    throw new LabenvError(
      "git",
      `the repository archive cannot be unpacked: ${(e as Error).message}`,
      { cause: e },
    );
  }
  return reader.end();
}

/** A whole tar, already unpacked, read the same way. */
export function readTar(tar: Uint8Array): ArchiveEntry[] {
  const reader = tarReader(MAX_ARCHIVE_BYTES);
  reader.push(tar);
  return reader.end();
}

/**
 * A tar read from consecutive pieces: headers are gathered into one block,
 * a file's body straight into a buffer of its size, and padding and bodies
 * of entries that are not files are skipped without copying.
 */
function tarReader(
  maxEntryBytes: number,
  options: Pick<UnpackOptions, "keep" | "onFile"> = {},
): {
  push(bytes: Uint8Array): void;
  end(): ArchiveEntry[];
} {
  const out: ArchiveEntry[] = [];
  const header = new Uint8Array(BLOCK);
  let headerFill = 0;
  let body: { bytes: Uint8Array; fill: number; type: string; name: string } | undefined;
  let skip = 0;
  let longName: string | undefined;
  let done = false;
  const finishBody = (type: string, name: string, bytes: Uint8Array) => {
    if (type === "x") longName = paxRecords(bytes).get("path") ?? longName;
    else if (type === "L") longName = text(bytes);
    else {
      longName = undefined;
      const path = stripTopDirectory(name);
      if (path)
        out.push({
          path,
          content: type === "2" ? new Uint8Array(0) : bytes,
          symlink: type === "2",
        });
    }
  };
  const readHeader = () => {
    headerFill = 0;
    if (header.every((b) => b === 0)) {
      done = true;
      return;
    }
    const size = readSize(header.subarray(124, 136));
    const type = String.fromCharCode(header[156]!);
    const padding = Math.ceil(size / BLOCK) * BLOCK - size;
    const kept =
      type === "x" || type === "L" || type === "0" || type === "\0" || type === "2" || type === "7";
    if (!kept) {
      // The global pax header and directories: their bodies are skipped, and a long name waits for its file.
      if (type !== "g") longName = undefined;
      skip = size + padding;
      return;
    }
    if (size > maxEntryBytes)
      throw new LabenvError(
        "git",
        `the repository archive has an entry larger than ${maxEntryBytes} bytes`,
      );
    const name =
      type === "x" || type === "L"
        ? ""
        : (longName ?? joinName(text(header.subarray(345, 500)), text(header.subarray(0, 100))));
    if (type !== "x" && type !== "L") {
      const path = stripTopDirectory(name);
      if (path) options.onFile?.(path);
      if (!path || (options.keep && !options.keep(path))) {
        longName = undefined;
        skip = size + padding;
        return;
      }
    }
    body = { bytes: new Uint8Array(size), fill: 0, type, name };
    if (size === 0) {
      finishBody(type, name, body.bytes);
      body = undefined;
    }
    skip = padding;
  };
  return {
    push(bytes) {
      let i = 0;
      while (i < bytes.length && !done) {
        if (body) {
          const n = Math.min(body.bytes.length - body.fill, bytes.length - i);
          body.bytes.set(bytes.subarray(i, i + n), body.fill);
          body.fill += n;
          i += n;
          if (body.fill === body.bytes.length) {
            const { type, name, bytes: content } = body;
            body = undefined;
            finishBody(type, name, content);
          }
        } else if (skip > 0) {
          const n = Math.min(skip, bytes.length - i);
          skip -= n;
          i += n;
        } else {
          const n = Math.min(BLOCK - headerFill, bytes.length - i);
          header.set(bytes.subarray(i, i + n), headerFill);
          headerFill += n;
          i += n;
          if (headerFill === BLOCK) readHeader();
        }
      }
    },
    end() {
      if (body) throw new LabenvError("git", "the repository archive is truncated");
      return out;
    },
  };
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
