import { gzipSync } from "node:zlib";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";

/**
 * A gzipped tar shaped like GitHub's tarball endpoint: a pax global header
 * with the commit, then every file under `owner-repo-<sha7>/` (ustar; a pax
 * extended header when a name is longer than 100 bytes).
 */
export function tarball(
  files: readonly RepoFile[],
  sha: string,
  top = `octo-labs-${sha.slice(0, 7)}`,
): Buffer {
  const blocks: Buffer[] = [entry("pax_global_header", Buffer.from(pax("comment", sha)), "g")];
  blocks.push(entry(`${top}/`, Buffer.alloc(0), "5"));
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const name = `${top}/${f.path}`;
    const body = typeof f.content === "string" ? Buffer.from(f.content) : Buffer.from(f.content);
    if (Buffer.byteLength(name) > 100)
      blocks.push(entry("PaxHeader", Buffer.from(pax("path", name)), "x"));
    blocks.push(entry(name.slice(0, 100), body, "0"));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

function entry(name: string, body: Buffer, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, "utf8");
  h.write("0000644\0", 100);
  h.write("0000000\0", 108);
  h.write("0000000\0", 116);
  h.write(`${body.length.toString(8).padStart(11, "0")}\0`, 124);
  h.write("00000000000\0", 136);
  h.write("        ", 148);
  h.write(type, 156);
  h.write("ustar\0", 257);
  h.write("00", 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  const pad = Buffer.alloc((512 - (body.length % 512)) % 512);
  return Buffer.concat([h, body, pad]);
}

function pax(key: string, value: string): string {
  const record = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(record) + 1;
  while (String(len).length + Buffer.byteLength(record) !== len)
    len = String(len).length + Buffer.byteLength(record);
  return `${len}${record}`;
}
