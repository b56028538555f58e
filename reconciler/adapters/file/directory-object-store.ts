import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { LabenvError } from "../../core/errors.js";
import type { ObjectStore } from "../../ports/object-store.js";
import { writeFileAtomic } from "./atomic-write.js";

/** The object store as a directory (`.labenv/objects/`): keys are relative paths. */
export class DirectoryObjectStore implements ObjectStore {
  constructor(private readonly dir: string) {}

  private path(key: string): string {
    const p = resolve(this.dir, key);
    if (!p.startsWith(resolve(this.dir) + sep))
      throw new LabenvError("usage", `object key ${key} leaves the store`);
    return p;
  }

  async put(key: string, body: string | Uint8Array): Promise<void> {
    writeFileAtomic(this.path(key), body);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const p = this.path(key);
    return existsSync(p) ? readFileSync(p) : undefined;
  }

  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    const walk = (d: string) => {
      if (!existsSync(d)) return;
      for (const e of readdirSync(d)) {
        const p = join(d, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (!e.endsWith(".tmp")) out.push(relative(this.dir, p).split(sep).join("/"));
      }
    };
    walk(this.dir);
    return out.filter((k) => k.startsWith(prefix)).sort();
  }
}
