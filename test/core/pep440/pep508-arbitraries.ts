import fc from "fast-check";
import { specifierSetText } from "./pep440-arbitraries.js";

/**
 * fast-check generators for PEP 508 requirement and marker text: names with
 * separators and case, extras, parenthesized or bare specifiers, direct URLs,
 * markers with and/or/parentheses/in/not in and both quote styles, plus
 * single-character damage so that invalid strings are common too.
 */

const space = fc.constantFrom("", "", "", " ", "  ", "\t");

export const projectName = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "numpy",
      "scikit-learn",
      "Django",
      "zope.interface",
      "typing_extensions",
      "A",
      "x1",
      "ruamel.yaml.clib",
      "Pillow",
      "jupyter-server",
    ),
  },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,8}[A-Za-z0-9]$/) },
  { weight: 1, arbitrary: fc.constantFrom("-bad", "bad-", "bad.", "_x", "ünï", "a b", "") },
);

const extraName = fc.constantFrom("gpu", "dev", "test", "Docs", "all_extras", "s3", "security");

const extras = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.array(extraName, { minLength: 0, maxLength: 3 }),
        space,
        fc.constantFrom(",", ", ", " ,"),
      )
      .map(([names, s, joiner]) => `[${s}${names.join(joiner)}${s}]`),
  },
  { weight: 1, arbitrary: fc.constantFrom("[gpu dev]", "[gpu,]", "[", "[gpu", "[,gpu]", "[]") },
);

const markerVariable = fc.constantFrom(
  "python_version",
  "python_full_version",
  "os_name",
  "os.name",
  "sys_platform",
  "sys.platform",
  "platform_machine",
  "platform.machine",
  "platform_system",
  "platform_release",
  "platform_version",
  "platform_python_implementation",
  "python_implementation",
  "implementation_name",
  "implementation_version",
  "extra",
);

const markerValue = fc.constantFrom(
  "3.11",
  "3.8",
  "3.13",
  "3.11.7",
  "3.13.0rc1",
  "3",
  "3.*",
  "3.1*",
  "linux",
  "win32",
  "darwin",
  "x86_64",
  "arm64",
  "aarch64 x86_64",
  "posix",
  "nt",
  "cpython",
  "CPython",
  "Linux",
  "gpu",
  "dev",
  "6.1.0",
  "",
  "lolwat",
);

const quoted = fc
  .tuple(markerValue, fc.constantFrom('"', '"', "'"))
  .map(([value, q]) => `${q}${value}${q}`);
const markerOperator = fc.constantFrom(
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "~=",
  "===",
  "in",
  "not in",
  "not  in",
);

/** `extra` is compared with already-normalized names (see the note on nested extras in the docs). */
const extraValue = fc
  .tuple(fc.constantFrom("gpu", "dev", "test", ""), fc.constantFrom('"', "'"))
  .map(([value, q]) => `${q}${value}${q}`);

const comparison = markerVariable
  .chain((variable) =>
    fc.tuple(
      fc.boolean(),
      fc.constant(variable),
      markerOperator,
      variable === "extra" ? extraValue : quoted,
      space,
      space,
    ),
  )
  .map(([variableFirst, variable, op, value, s1, s2]) =>
    variableFirst ? `${variable}${s1}${op}${s2}${value}` : `${value}${s1}${op}${s2}${variable}`,
  );

/** Markers of up to three levels, with parentheses only around groups of two or more terms. */
export const markerText: fc.Arbitrary<string> = fc.letrec<{ marker: string; term: string }>(
  (tie) => ({
    term: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      comparison,
      tie("marker").map((m) => (m.includes(" and ") || m.includes(" or ") ? `(${m})` : m)),
    ),
    marker: fc
      .tuple(
        tie("term"),
        fc.array(fc.tuple(fc.constantFrom(" and ", " or ", " and ", "  or  "), tie("term")), {
          maxLength: 2,
        }),
      )
      .map(([first, rest]) => first + rest.map(([joiner, term]) => joiner + term).join("")),
  }),
).marker;

const url = fc.constantFrom(
  "https://files.example.org/pkg-1.0-py3-none-any.whl",
  "file:///srv/wheels/pkg-1.0.tar.gz",
  "git+https://github.com/example/pkg.git@v1.2#egg=pkg",
  "https://example.org/a.whl;python_version<'3'",
);

const details = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.boolean(), specifierSetText())
      .map(([paren, spec]) => (paren ? `(${spec})` : spec)),
  },
  { weight: 2, arbitrary: url.map((u) => `@ ${u}`) },
);

const markerPart = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 3, arbitrary: fc.tuple(space, markerText).map(([s, m]) => `${s};${s}${m}`) },
);

const wellFormedRequirement = fc
  .tuple(
    space,
    projectName,
    space,
    extras,
    space,
    details,
    markerPart,
    fc.constantFrom("", "", "", "", " ", "\n"),
  )
  .map(([s1, name, s2, ex, s3, detail, marker, tail]) => {
    const separator = detail.startsWith("@") && marker !== "" ? " " : "";
    return `${s1}${name}${s2}${ex}${s3}${detail}${separator}${marker}${tail}`;
  });

const damage = fc.constantFrom(
  "(",
  ")",
  "[",
  "]",
  ",",
  ";",
  "@",
  " ",
  "'",
  '"',
  "=",
  "<",
  ".*",
  "+x",
  "\n",
  "not",
  "and",
);

/** Requirement text, about a third of it damaged by one inserted or deleted character. */
export const requirementText = fc.oneof(
  { weight: 2, arbitrary: wellFormedRequirement },
  {
    weight: 1,
    arbitrary: fc
      .tuple(wellFormedRequirement, fc.nat(60), damage, fc.boolean())
      .map(([text, at, insert, remove]) => {
        const i = at % (text.length + 1);
        return remove
          ? text.slice(0, i) + text.slice(i + 1)
          : text.slice(0, i) + insert + text.slice(i);
      }),
  },
);
