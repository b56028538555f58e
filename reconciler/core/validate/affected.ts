import { envKey, type Repository } from "../model/documents.js";
import { parsePackReference } from "../packs/resolve-pack.js";
import { classifyPath, RESERVED_ENV_NAMES } from "../load/classify-path.js";

/**
 * The files whose findings matter after a change: the changed files and every
 * document that references them (a lab's documents when its lab.yaml changed,
 * the environments that use a changed pack, an environment's lock, snapshots,
 * shares and successions when the environment changed, and the reverse).
 */
export function affectedFiles(repo: Repository, changed: readonly string[]): Set<string> {
  const out = new Set(changed);
  const changedLabs = new Set<string>();
  const changedEnvs = new Set<string>();
  const changedPacks = new Set<string>();
  for (const path of changed) {
    const p = path.split("/");
    if (p[0] === "environments" && p[1]) {
      if (p[2] === "lab.yaml") changedLabs.add(p[1]);
      else if (p[2] && !RESERVED_ENV_NAMES.has(p[2])) changedEnvs.add(envKey(p[1], p[2]));
      else if (p[2] === "shares") {
        const share = [...repo.shares.values()].find((s) => s.file === path);
        if (share) {
          changedEnvs.add(envKey(p[1], share.doc.spec.environment));
          changedLabs.add(share.doc.spec.to.lab);
        }
      } else if (p[2] === "successions") changedLabs.add(p[1]);
    } else if (p[0] === "domain-packs" && p[1]) changedPacks.add(p[1]);
    else if (classifyPath(path)?.kind === "RepoConfig") return new Set(repo.files);
  }
  const touches = (lab: string, env?: string) =>
    changedLabs.has(lab) || (env !== undefined && changedEnvs.has(envKey(lab, env)));
  for (const e of repo.environments.values()) {
    const { lab, name } = e.doc.metadata;
    const pack = parsePackReference(e.doc.spec.domainPack)?.name;
    if (touches(lab, name) || (pack && changedPacks.has(pack))) {
      out.add(e.file);
      const lock = repo.locks.get(envKey(lab, name));
      if (lock) out.add(lock.file);
    }
  }
  for (const s of repo.snapshots.values())
    if (touches(s.doc.metadata.lab, s.doc.metadata.environment)) out.add(s.file);
  for (const s of repo.shares.values()) {
    if (touches(s.doc.metadata.lab, s.doc.spec.environment) || changedLabs.has(s.doc.spec.to.lab))
      out.add(s.file);
  }
  for (const s of repo.successions.values()) {
    if (
      changedLabs.has(s.doc.metadata.lab) ||
      (s.doc.spec.environments ?? []).some((e) => changedEnvs.has(envKey(s.doc.metadata.lab, e)))
    )
      out.add(s.file);
  }
  for (const l of repo.labs.values()) if (changedLabs.has(l.doc.metadata.name)) out.add(l.file);
  for (const p of repo.packs.values()) if (changedPacks.has(p.doc.metadata.name)) out.add(p.file);
  return out;
}
