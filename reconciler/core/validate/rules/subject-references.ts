import type { Diagnostic } from "../../model/diagnostic.js";
import { envKey } from "../../model/documents.js";
import { finding, isBroken, memberIds, paths, type Rule } from "../rule.js";
import { accessUntil } from "../../successions/succession-environments.js";
import { cloneSnapshotId } from "../../shares/clone-shares.js";
import { slotOf } from "../../snapshots/schedule.js";

/** Snapshots name an existing environment and a member as requester. */
export const snapshotReferences: Rule = {
  name: "snapshot-references",
  description: "A snapshot's environment exists and its requester is a member of the lab.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const s of repo.snapshots.values()) {
      const { lab, environment } = s.doc.metadata;
      if (
        !repo.environments.has(envKey(lab, environment)) &&
        !isBroken(repo, paths.environment(lab, environment))
      ) {
        out.push(
          finding(
            s,
            ["metadata", "environment"],
            "snapshot-subject",
            `environment ${lab}/${environment} does not exist`,
            "snapshots live next to the environment.yaml they capture",
          ),
        );
      }
      if (repo.labs.has(lab) && !memberIds(repo, lab).has(s.doc.spec.requestedBy)) {
        out.push(
          finding(
            s,
            ["spec", "requestedBy"],
            "snapshot-subject",
            `\`${s.doc.spec.requestedBy}\` is not a member of ${lab}`,
          ),
        );
      }
    }
    return out;
  },
};

/** Shares lend an existing environment (or snapshot) to another, existing lab. */
export const shareReferences: Rule = {
  name: "share-references",
  description:
    "A share names an existing environment and snapshot of its lab, and another existing lab with its members.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const sh of repo.shares.values()) {
      const lab = sh.doc.metadata.lab;
      const { environment, snapshot, to } = sh.doc.spec;
      if (!repo.environments.has(envKey(lab, environment))) {
        if (!isBroken(repo, paths.environment(lab, environment)))
          out.push(
            finding(
              sh,
              ["spec", "environment"],
              "share-subject",
              `environment ${lab}/${environment} does not exist`,
              "a lab can only share its own environments",
            ),
          );
      } else if (
        snapshot &&
        !repo.snapshots.has(`${lab}/${environment}/${snapshot}`) &&
        !isBroken(repo, paths.snapshot(lab, environment, snapshot))
      ) {
        out.push(
          finding(
            sh,
            ["spec", "snapshot"],
            "share-subject",
            `snapshot ${lab}/${environment}/${snapshot} does not exist`,
          ),
        );
      }
      if (to.lab === lab) {
        out.push(
          finding(
            sh,
            ["spec", "to", "lab"],
            "share-subject",
            "a share goes to another lab, not the owning lab",
            "members of the same lab already have access",
          ),
        );
      } else if (!repo.labs.has(to.lab)) {
        if (!isBroken(repo, paths.lab(to.lab))) {
          out.push(
            finding(
              sh,
              ["spec", "to", "lab"],
              "share-subject",
              `receiving lab \`${to.lab}\` does not exist`,
            ),
          );
        }
      } else {
        const members = memberIds(repo, to.lab);
        (to.members ?? []).forEach((m, i) => {
          if (!members.has(m))
            out.push(
              finding(
                sh,
                ["spec", "to", "members", i],
                "share-subject",
                `\`${m}\` is not a member of ${to.lab}`,
              ),
            );
        });
      }
    }
    return out;
  },
};

/** Successions hand over between two members of the lab, for environments the outgoing member owns. */
export const successionReferences: Rule = {
  name: "succession-references",
  description: "A succession's researchers belong to the lab and its environments exist.",
  check(repo, ctx) {
    const out: Diagnostic[] = [];
    for (const s of repo.successions.values()) {
      const lab = s.doc.metadata.lab;
      if (!repo.labs.has(lab)) continue;
      const members = memberIds(repo, lab);
      const { from, to } = s.doc.spec;
      // Once the hand-over and the predecessor's read access are over, they may leave the lab.
      const until = accessUntil(s);
      if (!members.has(from) && ctx.today <= until)
        out.push(
          finding(
            s,
            ["spec", "from"],
            "succession-members",
            `outgoing researcher \`${from}\` is not a member of ${lab}`,
            `keep them in lab.yaml through ${until} (effective + keepAccessDays: the hand-over and their read access); after that day they may leave`,
          ),
        );
      if (!members.has(to))
        out.push(
          finding(
            s,
            ["spec", "to"],
            "succession-members",
            `incoming researcher \`${to}\` is not a member of ${lab}`,
            "add them to lab.yaml first",
          ),
        );
      if (from === to)
        out.push(
          finding(
            s,
            ["spec", "to"],
            "succession-members",
            "a succession hands over to a different member",
          ),
        );
      (s.doc.spec.environments ?? []).forEach((e, i) => {
        const env = repo.environments.get(envKey(lab, e));
        if (!env) {
          if (!isBroken(repo, paths.environment(lab, e)))
            out.push(
              finding(
                s,
                ["spec", "environments", i],
                "succession-subject",
                `environment ${lab}/${e} does not exist`,
              ),
            );
        } else if (env.doc.spec.owner !== from && env.doc.spec.owner !== to) {
          out.push(
            finding(
              s,
              ["spec", "environments", i],
              "succession-subject",
              `${lab}/${e} is owned by \`${env.doc.spec.owner}\`, not by \`${from}\``,
              "hand over only what the outgoing researcher owns",
              { severity: "warning" },
            ),
          );
        }
      });
    }
    // An environment is handed over once by its outgoing researcher: a second succession from the
    // same member would carry out two hand-overs of one home (the schema refuses a name twice in one).
    const handedOver = new Map<string, string>();
    for (const s of [...repo.successions.values()].sort((a, b) => a.file.localeCompare(b.file))) {
      const lab = s.doc.metadata.lab;
      (s.doc.spec.environments ?? []).forEach((e, i) => {
        const key = `${envKey(lab, e)} from ${s.doc.spec.from}`;
        const first = handedOver.get(key);
        if (first === undefined) {
          handedOver.set(key, s.file);
          return;
        }
        out.push(
          finding(
            s,
            ["spec", "environments", i],
            "succession-twice",
            `${lab}/${e} is already handed over by \`${s.doc.spec.from}\` in ${first}`,
            "an environment is handed over once: remove it here, or merge the two successions into one",
          ),
        );
      });
    }
    return out;
  },
};

/**
 * An environment's `restoreFrom` names a snapshot labenv knows of: a Snapshot document, a
 * scheduled snapshot's name (`scheduled-<slot>`) or a succession's (`succession-<name>`), or a
 * clone share's. Anything else is a warning, not an error: a snapshot whose document was deleted
 * keeps its data and stays restorable from its manifest, which validate cannot see — the restore
 * waits until a manifest of that id is in the object store.
 */
export const restoreReferences: Rule = {
  name: "restore-sources",
  description:
    "An environment restores from a snapshot this repository requests, schedules or shares, or is warned that it waits for a stored one.",
  check(repo) {
    const out: Diagnostic[] = [];
    const cloned = new Set(
      [...repo.shares.values()]
        .filter((s) => s.doc.spec.access === "clone")
        .map((s) => cloneSnapshotId(s)),
    );
    for (const env of repo.environments.values()) {
      const id = env.doc.spec.restoreFrom?.snapshot;
      if (id === undefined || repo.snapshots.has(id) || cloned.has(id)) continue;
      const [lab = "", environment = "", name = ""] = id.split("/");
      if (slotOf(name) || name.startsWith("succession-")) continue;
      if (isBroken(repo, paths.snapshot(lab, environment, name))) continue;
      out.push(
        finding(
          env,
          ["spec", "restoreFrom", "snapshot"],
          "restore-source",
          `no snapshot ${id} is requested in this repository (no ${paths.snapshot(lab, environment, name)}): the restore waits, and the environment runs as its lock says, until a manifest of ${id} is in the object store`,
          "name a captured snapshot (`labenv snapshot list` lists them, with those whose document was removed), or add the Snapshot document first",
          { severity: "warning" },
        ),
      );
    }
    return out;
  },
};
