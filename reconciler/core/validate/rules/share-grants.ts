import type { Diagnostic } from "../../model/diagnostic.js";
import { envKey } from "../../model/documents.js";
import { defaultMountPath } from "../../desire/share-grants.js";
import { CONTAINER } from "../../desire/names.js";
import { resolvePack } from "../../packs/resolve-pack.js";
import { finding, type Rule } from "../rule.js";

/**
 * What a share may grant: a restricted environment only with `allowRestricted` (which then
 * needs the owning lab's PI, see approvals); and a mount path that no dataset of a receiving
 * environment already uses.
 */
export const shareGrantRules: Rule = {
  name: "share-grants",
  description:
    "A share of a restricted environment says allowRestricted; its mount path is free in the receiving environments.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const sh of repo.shares.values()) {
      const lab = sh.doc.metadata.lab;
      const { environment, to, access, snapshot, mountPath, allowRestricted } = sh.doc.spec;
      const env = repo.environments.get(envKey(lab, environment));
      if (env?.doc.spec.criticality === "restricted" && allowRestricted !== true)
        out.push(
          finding(
            sh,
            ["spec", "environment"],
            "share-restricted",
            `${lab}/${environment} is marked \`criticality: restricted\`: it is shared only with \`allowRestricted: true\``,
            "add `allowRestricted: true` to the share; the lab's PI must then approve the pull request",
          ),
        );
      // A read-only share of a snapshot opens the home as it was: the snapshot must keep one.
      const snap =
        access === "read-only" && snapshot !== undefined
          ? repo.snapshots.get(`${lab}/${environment}/${snapshot}`)
          : undefined;
      if (snap && snap.doc.spec.include?.home !== true)
        out.push(
          finding(
            sh,
            ["spec", "snapshot"],
            "share-snapshot-home",
            `the snapshot ${lab}/${environment}/${snapshot} does not keep the home (include.home is not true): a read-only share of it would have nothing to open`,
            "share a snapshot whose include.home is true, or drop `snapshot` to share the live home",
          ),
        );
      // Clone shares mount nothing.
      if (access === "clone") continue;
      const path = mountPath ?? defaultMountPath(lab, environment);
      for (const e of repo.environments.values()) {
        if (e.doc.metadata.lab !== to.lab) continue;
        if (to.members && !to.members.includes(e.doc.spec.owner)) continue;
        const pack = resolvePack(repo, e.doc.spec.domainPack);
        const mounts = [
          ...(pack.ok ? (pack.pack.doc.spec.mounts ?? []) : []),
          ...(e.doc.spec.mounts ?? []),
        ];
        const clash = [CONTAINER.homePath, CONTAINER.packagesPath].find(
          (p) => path === p || path.startsWith(`${p}/`),
        )
          ? "labenv's own mounts"
          : mounts.some((m) => m.path === path)
            ? `a dataset of ${to.lab}/${e.doc.metadata.name}`
            : undefined;
        if (clash === undefined) continue;
        out.push(
          finding(
            sh,
            mountPath !== undefined ? ["spec", "mountPath"] : ["spec", "environment"],
            "share-mount-path",
            `the share would be mounted at ${path}, where ${clash} is mounted`,
            "set `mountPath` to a free absolute path",
          ),
        );
        break;
      }
    }
    return out;
  },
};
