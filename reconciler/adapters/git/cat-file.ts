import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { gitEnv, gitError } from "./run-git.js";

export interface GitObject {
  id: string;
  type: string;
  content: Buffer;
}

/**
 * One long-lived `git cat-file --batch`: read many objects (blob ids,
 * commit ids, or `<commit>:<path>`) with one process and no checkout.
 * Requests may be made several times; close it when done.
 */
export interface CatFile {
  /** Reads each object; a name git does not know maps to `undefined`. */
  read(names: readonly string[]): Promise<Map<string, GitObject | undefined>>;
  close(): Promise<void>;
}

export function openCatFile(dir: string): CatFile {
  const child = spawn("git", ["cat-file", "--batch"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"], env: gitEnv() }) as ChildProcessByStdio<Writable, Readable, Readable>;
  const waiting: { name: string; done: (o: GitObject | undefined) => void }[] = [];
  const stderr: Buffer[] = [];
  let failure: Error | undefined;
  let buffer: Buffer = Buffer.alloc(0);
  const fail = (e: Error) => {
    failure = e;
    for (const w of waiting.splice(0)) w.done(undefined);
  };
  child.stderr.on("data", (c: Buffer) => stderr.push(c));
  child.on("error", (e) => fail(gitError(["cat-file", "--batch"], "", e)));
  child.on("close", (code) => {
    if (waiting.length > 0) fail(gitError(["cat-file", "--batch"], `exited with ${code}: ${Buffer.concat(stderr).toString("utf8")}`));
  });
  child.stdin.on("error", () => undefined);
  child.stdout.on("data", (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    let offset = 0;
    while (waiting.length > 0) {
      const eol = buffer.indexOf(10, offset);
      if (eol < 0) break;
      const header = buffer.toString("utf8", offset, eol);
      if (/ (missing|ambiguous)$/.test(header)) {
        waiting.shift()!.done(undefined);
        offset = eol + 1;
        continue;
      }
      const [id, type, sizeText] = header.split(" ");
      const size = Number(sizeText);
      if (buffer.length < eol + 1 + size + 1) break;
      const content = buffer.subarray(eol + 1, eol + 1 + size);
      waiting.shift()!.done({ id: id!, type: type!, content });
      offset = eol + 1 + size + 1;
    }
    buffer = offset === 0 ? buffer : buffer.subarray(offset);
  });
  return {
    async read(names) {
      const result = new Map<string, GitObject | undefined>();
      if (names.length === 0) return result;
      if (failure) throw failure;
      const unique = [...new Set(names)];
      const bad = unique.find((n) => n.includes("\n"));
      if (bad !== undefined) throw gitError(["cat-file", "--batch"], `object name with a line break: ${JSON.stringify(bad)}`);
      const done = unique.map((name) => new Promise<void>((resolve) => waiting.push({ name, done: (o) => (result.set(name, o), resolve()) })));
      child.stdin.write(`${unique.join("\n")}\n`);
      await Promise.all(done);
      if (failure) throw failure;
      return result;
    },
    close() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("close", () => resolve());
        child.stdin.end();
      });
    },
  };
}

/** Reads objects in one process and closes it. */
export async function readGitObjects(dir: string, names: readonly string[]): Promise<Map<string, GitObject | undefined>> {
  const cat = openCatFile(dir);
  try {
    return await cat.read(names);
  } finally {
    await cat.close();
  }
}
