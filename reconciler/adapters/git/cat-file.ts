import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { gitEnv, gitError } from "./run-git.js";

export interface GitObject {
  id: string;
  type: string;
  content: Buffer;
}

/**
 * One long-lived `git cat-file --batch-command --buffer`: read many objects
 * (blob ids, commit ids, or `<commit>:<path>`) with one process and no
 * checkout. Each read sends its requests and a `flush`, so git writes in
 * large blocks rather than flushing after every object (git ≥ 2.36).
 * Requests may be made several times; close it when done.
 */
export interface CatFile {
  /** Reads each object; a name git does not know maps to `undefined`. */
  read(names: readonly string[]): Promise<Map<string, GitObject | undefined>>;
  close(): Promise<void>;
}

interface PendingRead {
  names: string[];
  next: number;
  result: Map<string, GitObject | undefined>;
  resolve: (r: Map<string, GitObject | undefined>) => void;
  reject: (e: Error) => void;
}

const ARGS = ["cat-file", "--batch-command", "--buffer"];

export function openCatFile(dir: string): CatFile {
  const child = spawn("git", ARGS, {
    cwd: dir,
    stdio: ["pipe", "pipe", "pipe"],
    env: gitEnv(),
  }) as ChildProcessByStdio<Writable, Readable, Readable>;
  const queue: PendingRead[] = [];
  const stderr: Buffer[] = [];
  let failure: Error | undefined;
  let buffer: Buffer = Buffer.alloc(0);
  const fail = (e: Error) => {
    failure ??= e;
    for (const p of queue.splice(0)) p.reject(e);
  };
  child.stderr.on("data", (c: Buffer) => stderr.push(c));
  child.on("error", (e) => fail(gitError(ARGS, "", e)));
  child.on("close", (code) => {
    if (queue.length > 0 || code !== 0)
      fail(gitError(ARGS, `exited with ${code}: ${Buffer.concat(stderr).toString("utf8")}`));
  });
  child.stdin.on("error", () => undefined);
  child.stdout.on("data", (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    let offset = 0;
    while (queue.length > 0) {
      const eol = buffer.indexOf(10, offset);
      if (eol < 0) break;
      const pending = queue[0]!;
      const header = buffer.toString("latin1", offset, eol);
      let object: GitObject | undefined;
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        offset = eol + 1;
      } else {
        const [id, type, sizeText] = header.split(" ");
        const size = Number(sizeText);
        if (buffer.length < eol + 1 + size + 1) break;
        object = { id: id!, type: type!, content: buffer.subarray(eol + 1, eol + 1 + size) };
        offset = eol + 1 + size + 1;
      }
      pending.result.set(pending.names[pending.next++]!, object);
      if (pending.next === pending.names.length) {
        queue.shift();
        pending.resolve(pending.result);
      }
    }
    buffer = offset === 0 ? buffer : buffer.subarray(offset);
  });
  return {
    read(names) {
      const unique = [...new Set(names)];
      if (unique.length === 0) return Promise.resolve(new Map());
      if (failure) return Promise.reject(failure);
      const bad = unique.find((n) => /[\n\r]/.test(n));
      if (bad !== undefined)
        return Promise.reject(
          gitError(ARGS, `object name with a line break: ${JSON.stringify(bad)}`),
        );
      return new Promise((resolve, reject) => {
        queue.push({ names: unique, next: 0, result: new Map(), resolve, reject });
        child.stdin.write(`contents ${unique.join("\ncontents ")}\nflush\n`);
      });
    },
    close() {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("close", () => resolve());
        child.stdin.end();
      });
    },
  };
}

/** Reads objects in one process and closes it. */
export async function readGitObjects(
  dir: string,
  names: readonly string[],
): Promise<Map<string, GitObject | undefined>> {
  const cat = openCatFile(dir);
  try {
    return await cat.read(names);
  } finally {
    await cat.close();
  }
}
