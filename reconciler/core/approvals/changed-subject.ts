/** What a changed path is about, for approval rules. */
export type ChangedSubject =
  | { kind: "lab"; lab: string; path: string }
  | { kind: "lab-file"; lab: string; path: string }
  | { kind: "share"; lab: string; name: string; path: string }
  | { kind: "succession"; lab: string; name: string; path: string }
  | { kind: "environment"; lab: string; env: string; path: string }
  | { kind: "outside-labs"; path: string };

const YAML = /\.ya?ml$/;

/**
 * `environments/<lab>/lab.yaml` → the lab; `…/shares/<name>.yaml` → a share;
 * `…/successions/<name>.yaml` → a succession; anything inside
 * `environments/<lab>/<env>/` → that environment (its lock, snapshots and
 * notes included); other files directly in the lab's directory → the lab's
 * files; everything else (domain packs, labenv.yaml, schemas) is outside labs.
 */
export function changedSubject(path: string): ChangedSubject {
  const p = path.split("/");
  if (p[0] !== "environments" || !p[1] || p.length < 3) return { kind: "outside-labs", path };
  const lab = p[1];
  if (p.length === 3 && p[2] === "lab.yaml") return { kind: "lab", lab, path };
  if (p.length === 4 && p[2] === "shares" && YAML.test(p[3]!))
    return { kind: "share", lab, name: p[3]!.replace(YAML, ""), path };
  if (p.length === 4 && p[2] === "successions" && YAML.test(p[3]!))
    return { kind: "succession", lab, name: p[3]!.replace(YAML, ""), path };
  if (p.length === 3 || p[2] === "shares" || p[2] === "successions")
    return { kind: "lab-file", lab, path };
  return { kind: "environment", lab, env: p[2]!, path };
}
