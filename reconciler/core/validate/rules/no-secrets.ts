import type { Diagnostic } from "../../model/diagnostic.js";
import type { Loaded, Repository } from "../../model/documents.js";
import { finding, type Rule } from "../rule.js";

const SECRET_KEY =
  /(passw(or)?d|secret|token|api[-_]?key|private[-_]?key|credential|access[-_]?key)/i;
const SECRET_VALUES: { name: string; pattern: RegExp }[] = [
  { name: "an AWS access key id", pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: "a private key", pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  {
    name: "a GitHub token",
    pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/,
  },
  { name: "a Slack token", pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { name: "a password in a URL", pattern: /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i },
  {
    name: "a JSON web token",
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/,
  },
];

/** No key or value anywhere looks like a credential: secrets never live in Git. */
export const noSecrets: Rule = {
  name: "no-secrets",
  description: "No secret-looking keys or values anywhere in any document.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const doc of allDocuments(repo)) scan(doc, doc.doc, [], out);
    return out;
  },
};

/** One cheap test that every secret pattern needs to pass first. */
const MAYBE_SECRET = /AKIA|ASIA|-----BEGIN|gh[pousr]_|github_pat_|xox[abprs]-|:\/\/[^/\s]*@|eyJ/;

function scan(doc: Loaded, value: unknown, path: (string | number)[], out: Diagnostic[]): void {
  if (typeof value === "string") {
    if (!MAYBE_SECRET.test(value)) return;
    for (const s of SECRET_VALUES) {
      if (s.pattern.test(value)) {
        out.push(
          finding(
            doc,
            path,
            "no-secrets",
            `this value looks like ${s.name}`,
            "remove it from Git now and rotate it: it is in the history. Secrets belong in AWS Secrets Manager",
          ),
        );
        return;
      }
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => scan(doc, v, [...path, i], out));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (
        SECRET_KEY.test(k) &&
        !(path.length === 2 && path[0] === "spec" && path[1] === "packages")
      ) {
        out.push(
          finding(
            doc,
            [...path, k],
            "no-secrets",
            `key \`${k}\` looks like it holds a secret`,
            "secrets never live in Git; use AWS Secrets Manager",
            { key: true },
          ),
        );
      }
      scan(doc, v, [...path, k], out);
    }
  }
}

function allDocuments(repo: Repository): Loaded[] {
  return [
    ...(repo.config ? [repo.config] : []),
    ...repo.labs.values(),
    ...repo.environments.values(),
    ...repo.locks.values(),
    ...repo.snapshots.values(),
    ...repo.shares.values(),
    ...repo.successions.values(),
    ...repo.packs.values(),
  ];
}
