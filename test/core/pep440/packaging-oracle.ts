import { spawnSync } from "node:child_process";

/**
 * Asks Python's `packaging` (the reference implementation pip uses) for answers,
 * in one `python3` process: the questions go in as JSON on stdin and the answers
 * come back as JSON on stdout, in the same order.
 */
export interface OracleQuestions {
  /** For each: validity of the set, then contains(v, prereleases=…) for set-default, True, False, and None. */
  specifierChecks: { version: string; specifier: string }[];
  filters: { versions: string[]; specifier: string; prereleases: boolean | null }[];
  orderings: [string, string][];
  normalizations: string[];
  requirements: string[];
  markerEvaluations: { marker: string; environment: Record<string, string> }[];
}

export interface OracleAnswers {
  packagingVersion: string;
  specifierChecks: (
    | { valid: false }
    | {
        valid: true;
        namesDefault: boolean;
        allowed: boolean;
        refused: boolean;
        onlyCandidate: boolean;
      }
  )[];
  filters: ({ valid: false } | { valid: true; kept: string[] })[];
  orderings: (number | null)[];
  normalizations: (string | null)[];
  requirements: (
    | { valid: false; kind: string; message: string; position: number | null }
    | {
        valid: true;
        name: string;
        extras: string[];
        specifier: string;
        url: string | null;
        /** str(marker), and whether packaging's own str() keeps the marker's structure (it drops some parentheses). */
        marker: string | null;
        markerTree: unknown;
        markerStrFaithful: boolean;
      }
  )[];
  markerEvaluations: (boolean | "invalid" | "error")[];
}

const ORACLE_SCRIPT = String.raw`
import json, sys, warnings
warnings.simplefilter("ignore")
import packaging
from packaging.version import Version, InvalidVersion
from packaging.specifiers import SpecifierSet, InvalidSpecifier
from packaging.requirements import Requirement
from packaging.markers import Marker

q = json.load(sys.stdin)

def spec_set(text):
    try:
        return SpecifierSet(text)
    except InvalidSpecifier:
        return None

def check(item):
    s = spec_set(item["specifier"])
    if s is None:
        return {"valid": False}
    v = item["version"]
    return {
        "valid": True,
        "namesDefault": s.contains(v, prereleases=bool(s.prereleases)),
        "allowed": s.contains(v, prereleases=True),
        "refused": s.contains(v, prereleases=False),
        "onlyCandidate": s.contains(v),
    }

def filt(item):
    s = spec_set(item["specifier"])
    if s is None:
        return {"valid": False}
    return {"valid": True, "kept": list(s.filter(item["versions"], prereleases=item["prereleases"]))}

def order(pair):
    try:
        a, b = Version(pair[0]), Version(pair[1])
    except InvalidVersion:
        return None
    return (a > b) - (a < b)

def normalize(text):
    try:
        return str(Version(text))
    except InvalidVersion:
        return None

def tree(node):
    if isinstance(node, list):
        return [tree(n) for n in node]
    if isinstance(node, tuple):
        lhs, op, rhs = node
        return {"cmp": [side(lhs), str(op), side(rhs)]}
    return node

def side(node):
    kind = "variable" if type(node).__name__ == "Variable" else "literal"
    return {kind: node.value}

def requirement(text):
    try:
        r = Requirement(text)
    except Exception as e:
        cause = e.__cause__
        position = None
        message = str(e)
        if cause is not None and hasattr(cause, "span"):
            message = cause.message
            position = cause.span[1] - (1 if message.startswith(".*") else 0)
        return {"valid": False, "kind": type(e).__name__, "message": message, "position": position}
    marker_tree = None if r.marker is None else tree(r.marker._markers)
    faithful = r.marker is None or tree(Marker(str(r.marker))._markers) == marker_tree
    return {"valid": True, "name": r.name, "extras": sorted(r.extras), "specifier": str(r.specifier),
            "url": r.url, "marker": None if r.marker is None else str(r.marker),
            "markerTree": marker_tree, "markerStrFaithful": faithful}

def evaluate(item):
    try:
        m = Marker(item["marker"])
    except Exception:
        return "invalid"
    try:
        return m.evaluate(item["environment"])
    except Exception:
        return "error"

json.dump({
    "packagingVersion": packaging.__version__,
    "specifierChecks": [check(i) for i in q["specifierChecks"]],
    "filters": [filt(i) for i in q["filters"]],
    "orderings": [order(p) for p in q["orderings"]],
    "normalizations": [normalize(t) for t in q["normalizations"]],
    "requirements": [requirement(t) for t in q["requirements"]],
    "markerEvaluations": [evaluate(i) for i in q["markerEvaluations"]],
}, sys.stdout)
`;

export function askPackaging(questions: OracleQuestions): OracleAnswers {
  const run = spawnSync("python3", ["-c", ORACLE_SCRIPT], {
    input: JSON.stringify(questions),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(
      `python3 packaging oracle failed (exit ${run.status}): ${run.error?.message ?? run.stderr}`,
    );
  }
  return JSON.parse(run.stdout) as OracleAnswers;
}
