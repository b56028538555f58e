import type { Diagnostic } from "../../model/diagnostic.js";
import { finding, type Rule } from "../rule.js";

/**
 * Member ids and GitHub logins are unique within a lab; POSIX uids are unique
 * across labs (one person in two labs keeps one uid: same GitHub login);
 * lab group ids are unique.
 */
export const uniqueIds: Rule = {
  name: "unique-ids",
  description: "Member ids, GitHub logins, POSIX uids and lab gids do not collide.",
  check(repo) {
    const out: Diagnostic[] = [];
    const uids = new Map<number, { lab: string; github: string }>();
    const gids = new Map<number, string>();
    for (const lab of repo.labs.values()) {
      const name = lab.doc.metadata.name;
      const otherGid = gids.get(lab.doc.spec.posixGid);
      if (otherGid)
        out.push(
          finding(
            lab,
            ["spec", "posixGid"],
            "unique-ids",
            `posixGid ${lab.doc.spec.posixGid} is also used by lab ${otherGid}`,
            "every lab needs its own POSIX group",
          ),
        );
      gids.set(lab.doc.spec.posixGid, name);
      const ids = new Set<string>();
      const logins = new Set<string>();
      lab.doc.spec.members.forEach((m, i) => {
        if (ids.has(m.id))
          out.push(
            finding(
              lab,
              ["spec", "members", i, "id"],
              "unique-ids",
              `member id \`${m.id}\` appears twice in ${name}`,
            ),
          );
        ids.add(m.id);
        const login = m.github.toLowerCase();
        if (logins.has(login))
          out.push(
            finding(
              lab,
              ["spec", "members", i, "github"],
              "unique-ids",
              `GitHub login \`${m.github}\` appears twice in ${name}`,
            ),
          );
        logins.add(login);
        const other = uids.get(m.uid);
        if (other && other.github !== login) {
          out.push(
            finding(
              lab,
              ["spec", "members", i, "uid"],
              "unique-ids",
              `POSIX uid ${m.uid} of \`${m.id}\` is already used by @${other.github} in ${other.lab}`,
              "POSIX uids are unique across labs; files on EFS would belong to both people",
            ),
          );
        } else if (!other) uids.set(m.uid, { lab: name, github: login });
      });
    }
    return out;
  },
};
