import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  compareVersions,
  evaluateMarker,
  filter,
  formatMarker,
  formatSpecifierSet,
  normalizeVersion,
  parseMarker,
  parseRequirement,
  parseSpecifierSet,
  parseVersion,
  satisfies,
  type MarkerOperand,
  type MarkerTerm,
} from "../../../reconciler/core/pep440/index.js";
import { askPackaging, type OracleAnswers, type OracleQuestions } from "./packaging-oracle.js";
import {
  looseVersionText,
  releaseText,
  versionAndSpecifierSet,
  versionText,
} from "./pep440-arbitraries.js";
import { markerText, requirementText } from "./pep508-arbitraries.js";

/**
 * Differential test against Python's `packaging`: thousands of generated
 * questions (fixed seeds), answered by packaging in one batched python3 call
 * and by labenv, must agree everywhere.
 */
const SEED = 440_508;

const ENVIRONMENTS: Record<string, string>[] = [
  {
    python_version: "3.11",
    python_full_version: "3.11.7",
    os_name: "posix",
    sys_platform: "linux",
    platform_machine: "x86_64",
    platform_release: "6.1.0-18-amd64",
    platform_system: "Linux",
    platform_version: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1",
    platform_python_implementation: "CPython",
    implementation_name: "cpython",
    implementation_version: "3.11.7",
    extra: "gpu",
  },
  {
    python_version: "3.8",
    python_full_version: "3.8.18",
    os_name: "nt",
    sys_platform: "win32",
    platform_machine: "AMD64",
    platform_release: "10",
    platform_system: "Windows",
    platform_version: "10.0.19045",
    platform_python_implementation: "CPython",
    implementation_name: "cpython",
    implementation_version: "3.8.18",
    extra: "",
  },
  {
    python_version: "3.13",
    python_full_version: "3.13.0rc1",
    os_name: "posix",
    sys_platform: "darwin",
    platform_machine: "arm64",
    platform_release: "23.4.0",
    platform_system: "Darwin",
    platform_version: "Darwin Kernel Version 23.4.0",
    platform_python_implementation: "PyPy",
    implementation_name: "pypy",
    implementation_version: "7.3.17",
    extra: "Dev",
  },
];

/** Hand-picked corners, asked alongside the generated questions. */
const EDGE_SPECIFIER_CHECKS: [string, string][] = [
  ["1.1", "~=1.0.RC1"],
  ["1.1", "~=1.0.rc1"],
  ["1.0", "~=v1.0"],
  ["1.1", "~=1.0c1"],
  ["1.0.1", "~=1.0.r1"],
  ["2.1.0+cu121", "==2.1.0"],
  ["2.1.0+cu121", "==2.1.0+cpu"],
  ["1.0+local", ">1.0"],
  ["1.0.post1", ">1.0"],
  ["1.0rc1", "<1.0"],
  ["1.0b1", "<1.0.post1"],
  ["1!0.1", ">9"],
  ["lolwat", "===lolwat"],
  ["", "==="],
  ["1.0", ""],
  ["garbage", ""],
  ["1.18446744073709551618", ">1.18446744073709551617"],
];

const EDGE_REQUIREMENTS = [
  "name @ https://example.org/a.whl ; python_version < '3'",
  "name@https://example.org/a.whl",
  "name @ https://example.org/a.whl;python_version<'3'",
  "name[]",
  "name ()",
  "name;",
  "name ; ",
  "name (>=1.0))",
  "name\t>=1",
  "name >= 1.0 , < 2",
  "name==1.0+local.1",
  "name===anything-goes",
  "name===a,,",
  "name===1,2",
  "name==1.0\n",
  "name==1.0\n\n",
  "name; os_name == 'a\\qb'",
  'name; os_name == "\\x41"',
  "name; os_name == 'a\\'",
  "prompt_",
  "foo.",
  "-foo",
  "ünïcode",
  "name; extra == 'Foo.Bar'",
  // Not asked: "name; (extra == 'Foo.Bar')". packaging 26.2 leaves extras inside parentheses
  // unnormalized; labenv normalizes them (PEP 685), see api.test.ts.
  "name; python_version in '3.8 3.9'",
  "name; '3.8' in python_version",
  "name; python_version ~= '3'",
];

function buildQuestions(): OracleQuestions {
  const pairs = fc.sample(versionAndSpecifierSet, { seed: SEED, numRuns: 5_400 });
  const loosePairs = fc.sample(
    fc.tuple(
      looseVersionText,
      versionAndSpecifierSet.map(([, s]) => s),
    ),
    { seed: SEED + 1, numRuns: 600 },
  );
  const candidateLists = fc.sample(
    releaseText(1).chain((base) =>
      fc.tuple(
        fc.array(versionText({ near: base }), { minLength: 1, maxLength: 6 }),
        versionAndSpecifierSet.map(([, s]) => s),
      ),
    ),
    { seed: SEED + 2, numRuns: 1_000 },
  );
  const flags = [null, true, false] as const;
  const orderingVersions = fc.sample(versionText(), { seed: SEED + 3, numRuns: 1_500 });
  const closePairs = fc.sample(
    releaseText(1).chain((base) =>
      fc.tuple(versionText({ near: base }), versionText({ near: base })),
    ),
    { seed: SEED + 7, numRuns: 1_500 },
  );
  const markers = fc.sample(markerText, { seed: SEED + 6, numRuns: 600 });
  return {
    specifierChecks: [...pairs, ...loosePairs, ...EDGE_SPECIFIER_CHECKS].map(
      ([version, specifier]) => ({ version, specifier }),
    ),
    filters: candidateLists.map(([versions, specifier], i) => ({
      versions,
      specifier,
      prereleases: flags[i % 3] ?? null,
    })),
    orderings: [
      ...orderingVersions.map((v, i): [string, string] => [
        v,
        orderingVersions[(i * 7 + 3) % orderingVersions.length] ?? v,
      ]),
      ...closePairs,
    ],
    normalizations: fc.sample(looseVersionText, { seed: SEED + 4, numRuns: 3_000 }),
    requirements: [
      ...fc.sample(requirementText, { seed: SEED + 5, numRuns: 1_500 }),
      ...EDGE_REQUIREMENTS,
    ],
    markerEvaluations: markers.flatMap((marker) =>
      ENVIRONMENTS.map((environment) => ({ marker, environment })),
    ),
  };
}

/** The marker in packaging's internal shape: lists for chains, {cmp} for comparisons. */
function markerTree(term: MarkerTerm): unknown {
  if (term.kind === "comparison") {
    const side = (o: MarkerOperand) =>
      o.kind === "variable" ? { variable: o.name } : { literal: o.value };
    return { cmp: [side(term.left), term.operator, side(term.right)] };
  }
  return [markerTree(term.first), ...term.rest.flatMap((r) => [r.joiner, markerTree(r.term)])];
}

let questions: OracleQuestions;
let answers: OracleAnswers;

beforeAll(() => {
  questions = buildQuestions();
  answers = askPackaging(questions);
}, 60_000);

/** Fails with the first few disagreements spelled out. */
function expectAgreement(what: string, disagreements: string[], total: number): void {
  if (disagreements.length > 0)
    console.log(
      `${what}: ${disagreements.length} of ${total} disagree; first ones:\n${disagreements.slice(0, 8).join("\n")}`,
    );
  expect(disagreements.slice(0, 8)).toEqual([]);
}

describe(`differential against Python packaging`, () => {
  it("asks enough questions", () => {
    expect(questions.specifierChecks.length).toBeGreaterThanOrEqual(5_000);
    expect(questions.orderings.length).toBeGreaterThanOrEqual(2_000);
    expect(questions.requirements.length).toBeGreaterThanOrEqual(500);
    expect(answers.packagingVersion).toMatch(/^2[6-9]\./);
  });

  it("agrees on 6,000+ version/specifier checks, under every pre-release policy", () => {
    const disagreements: string[] = [];
    questions.specifierChecks.forEach(({ version, specifier }, i) => {
      const expected = answers.specifierChecks[i];
      const parsed = parseSpecifierSet(specifier);
      if (!expected || !expected.valid) {
        if (parsed.ok)
          disagreements.push(
            `${JSON.stringify(specifier)}: packaging refuses it, labenv accepts it`,
          );
        return;
      }
      if (!parsed.ok) {
        disagreements.push(
          `${JSON.stringify(specifier)}: labenv refuses it (${parsed.error.message})`,
        );
        return;
      }
      const set = parsed.value;
      const ours = {
        valid: true,
        namesDefault: satisfies(version, set),
        allowed: satisfies(version, set, { prereleases: true }),
        refused: satisfies(version, set, { prereleases: false }),
        onlyCandidate: filter([version], set).length > 0,
      };
      if (JSON.stringify(ours) !== JSON.stringify(expected)) {
        disagreements.push(
          `${JSON.stringify(version)} in ${JSON.stringify(specifier)}: packaging ${JSON.stringify(expected)}, labenv ${JSON.stringify(ours)}`,
        );
      }
    });
    expectAgreement("specifier checks", disagreements, questions.specifierChecks.length);
  });

  it("agrees on filtering 1,000 candidate lists", () => {
    const disagreements: string[] = [];
    questions.filters.forEach(({ versions, specifier, prereleases }, i) => {
      const expected = answers.filters[i];
      const parsed = parseSpecifierSet(specifier);
      if (!expected?.valid || !parsed.ok) {
        if (expected?.valid !== parsed.ok)
          disagreements.push(`${JSON.stringify(specifier)}: validity differs`);
        return;
      }
      const kept = filter(versions, parsed.value, prereleases === null ? {} : { prereleases });
      if (JSON.stringify(kept) !== JSON.stringify(expected.kept)) {
        disagreements.push(
          `filter(${JSON.stringify(versions)}, ${JSON.stringify(specifier)}, ${prereleases}): packaging ${JSON.stringify(expected.kept)}, labenv ${JSON.stringify(kept)}`,
        );
      }
    });
    expectAgreement("filters", disagreements, questions.filters.length);
  });

  it("agrees on the order of 3,000 version pairs", () => {
    const disagreements: string[] = [];
    questions.orderings.forEach(([a, b], i) => {
      const left = parseVersion(a);
      const right = parseVersion(b);
      const ours = left.ok && right.ok ? Math.sign(compareVersions(left.value, right.value)) : null;
      if (ours !== answers.orderings[i])
        disagreements.push(`${a} vs ${b}: packaging ${answers.orderings[i]}, labenv ${ours}`);
    });
    expectAgreement("orderings", disagreements, questions.orderings.length);
  });

  it("agrees on the normalized form (or invalidity) of 3,000 version strings", () => {
    const disagreements: string[] = [];
    questions.normalizations.forEach((text, i) => {
      const ours = normalizeVersion(text);
      const value = ours.ok ? ours.value : null;
      if (value !== answers.normalizations[i])
        disagreements.push(
          `${JSON.stringify(text)}: packaging ${answers.normalizations[i]}, labenv ${value}`,
        );
    });
    expectAgreement("normalizations", disagreements, questions.normalizations.length);
  });

  it("agrees on 1,500+ PEP 508 requirement strings: validity, error column, name, extras, specifier, URL and marker", () => {
    const disagreements: string[] = [];
    questions.requirements.forEach((text, i) => {
      const expected = answers.requirements[i];
      const ours = parseRequirement(text);
      if (!expected) return;
      if (!expected.valid) {
        if (ours.ok)
          disagreements.push(
            `${JSON.stringify(text)}: packaging refuses it (${expected.message}), labenv accepts it`,
          );
        else if (expected.position !== null && ours.error.column !== expected.position + 1) {
          disagreements.push(
            `${JSON.stringify(text)}: error at column ${expected.position + 1} (${expected.message}), labenv says ${ours.error.column} (${ours.error.message})`,
          );
        }
        return;
      }
      if (!ours.ok) {
        disagreements.push(
          `${JSON.stringify(text)}: labenv refuses it (${ours.error.message} at ${ours.error.column})`,
        );
        return;
      }
      const marker = ours.value.marker;
      const mine = {
        valid: true,
        name: ours.value.name,
        extras: [...ours.value.extras].sort(),
        specifier: formatSpecifierSet(ours.value.specifier),
        url: ours.value.url ?? null,
        // packaging's str() drops the parentheses of `((a or b)) and c`, changing its meaning; labenv keeps
        // them, so the written form is compared only where packaging's is faithful, the tree always.
        marker:
          marker && (expected.markerStrFaithful || expected.marker === null)
            ? formatMarker(marker)
            : expected.marker,
        markerTree: marker ? markerTree(marker) : null,
        markerStrFaithful: expected.markerStrFaithful,
      };
      if (JSON.stringify(mine) !== JSON.stringify(expected))
        disagreements.push(
          `${JSON.stringify(text)}: packaging ${JSON.stringify(expected)}, labenv ${JSON.stringify(mine)}`,
        );
    });
    const valid = answers.requirements.filter((r) => r.valid).length;
    expect(valid).toBeGreaterThan(300);
    expect(questions.requirements.length - valid).toBeGreaterThan(200);
    expectAgreement("requirements", disagreements, questions.requirements.length);
  });

  it("agrees on evaluating 600 markers in 3 environments", () => {
    const disagreements: string[] = [];
    questions.markerEvaluations.forEach(({ marker, environment }, i) => {
      const parsed = parseMarker(marker);
      let ours: boolean | "invalid" | "error" = "invalid";
      if (parsed.ok) {
        const evaluated = evaluateMarker(parsed.value, environment);
        ours = evaluated.ok ? evaluated.value : "error";
      }
      if (ours !== answers.markerEvaluations[i]) {
        disagreements.push(
          `${JSON.stringify(marker)} in ${environment.sys_platform}: packaging ${answers.markerEvaluations[i]}, labenv ${ours}`,
        );
      }
    });
    expectAgreement("marker evaluations", disagreements, questions.markerEvaluations.length);
  });
});
