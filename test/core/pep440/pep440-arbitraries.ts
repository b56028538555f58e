import fc from "fast-check";

/**
 * fast-check generators for PEP 440 / PEP 508 text, biased toward the cases
 * where implementations disagree: pre/post/dev releases of the same release,
 * local labels, epochs, wildcards, `~=`, exclusive `<`/`>`, `===`, and the many
 * spellings PEP 440 normalizes (`1.0-alpha1`, `v1.0`, `1.0-1`, upper case).
 * Numbers come from a small pool so that versions and specifiers collide often.
 */

const number = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom("0", "1", "2", "3") },
  { weight: 4, arbitrary: fc.constantFrom("10", "01", "00", "9") },
  { weight: 1, arbitrary: fc.constantFrom("20240101", "18446744073709551617") },
);
const separator = fc.constantFrom("", "", "", ".", "-", "_");
const optionalNumber = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 1, arbitrary: fc.constant("") },
);
const caseOf = (word: string) => fc.constantFrom(word, word, word, word.toUpperCase());

const epoch = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: fc.constantFrom("1!", "0!", "2!") },
);

export function releaseText(minimum: number) {
  return fc.array(number, { minLength: minimum, maxLength: 4 }).map((parts) => parts.join("."));
}

/** A release close to `base`: the same, zero-padded, truncated, or with its last component bumped. */
function nearRelease(base: string, minimum: number) {
  const parts = base.split(".");
  const bumped = [...parts.slice(0, -1), String(Number(parts[parts.length - 1] ?? "0") + 1)].join(
    ".",
  );
  const options = [
    base,
    base,
    base,
    `${base}.0`,
    bumped,
    parts.slice(0, Math.max(minimum, parts.length - 1)).join("."),
  ];
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...options) },
    { weight: 1, arbitrary: releaseText(minimum) },
  );
}

const preRelease = fc.oneof(
  { weight: 5, arbitrary: fc.constant("") },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        separator,
        fc.constantFrom("a", "b", "rc", "c", "alpha", "beta", "pre", "preview").chain(caseOf),
        separator,
        optionalNumber,
      )
      .map(([s1, label, s2, n]) => (n === "" ? `${s1}${label}` : `${s1}${label}${s2}${n}`)),
  },
);
const postRelease = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: number.map((n) => `-${n}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        separator,
        fc.constantFrom("post", "post", "r", "rev").chain(caseOf),
        separator,
        optionalNumber,
      )
      .map(([s1, label, s2, n]) => (n === "" ? `${s1}${label}` : `${s1}${label}${s2}${n}`)),
  },
);
const devRelease = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  {
    weight: 3,
    arbitrary: fc
      .tuple(separator, caseOf("dev"), separator, optionalNumber)
      .map(([s1, l, s2, n]) => (n === "" ? `${s1}${l}` : `${s1}${l}${s2}${n}`)),
  },
);
export const localLabel = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "+cpu",
      "+cu121",
      "+ubuntu.1",
      "+1.2",
      "+abc-01",
      "+CPU",
      "+deadbeef.0",
      "+1",
    ),
  },
);

export interface VersionShape {
  /** Allow a local label. */
  local: boolean;
  /** Allow pre/post/dev parts. */
  suffixes: boolean;
  /** Minimum number of release components. */
  minRelease: number;
  /** Build the release near this one. */
  near: string;
}

/** Version text in many spellings, mostly valid PEP 440. */
export function versionText(shape: Partial<VersionShape> = {}) {
  const { local = true, suffixes = true, minRelease = 1, near } = shape;
  return fc
    .tuple(
      fc.constantFrom("", "", "", "", "", "", "v", "V"),
      near === undefined ? epoch : fc.constantFrom("", "", "", "", "", "", "0!", "1!"),
      near === undefined ? releaseText(minRelease) : nearRelease(near, minRelease),
      suffixes ? preRelease : fc.constant(""),
      suffixes ? postRelease : fc.constant(""),
      suffixes ? devRelease : fc.constant(""),
      local ? localLabel : fc.constant(""),
    )
    .map((parts) => parts.join(""));
}

/** Version text with occasional breakage (bad characters, stray separators, spaces). */
export const looseVersionText = fc.oneof(
  { weight: 8, arbitrary: versionText() },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        versionText(),
        fc.nat(12),
        fc.constantFrom("..", "+", "-", "!", " ", "*", "x", "_", "++", "\t", "\n", "a.", "1!"),
      )
      .map(([text, at, insert]) => text.slice(0, at) + insert + text.slice(at)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "lolwat",
      "1.0-",
      ".1",
      "1..0",
      "1.0+",
      "1.0+_x",
      " 1.0 ",
      "v",
      "1!",
    ),
  },
);

const operator = fc.constantFrom(
  "==",
  "==",
  "!=",
  "~=",
  "~=",
  "<",
  "<",
  "<=",
  ">",
  ">",
  ">=",
  "===",
);

/** One clause, usually well-formed for its operator, sometimes not; its version is near `base` when given. */
export function clauseText(base?: string) {
  return operator.chain((op) => clauseFor(op, base));
}

function clauseFor(op: string, base: string | undefined) {
  const space = fc.constantFrom("", "", "", " ");
  let version;
  switch (op) {
    case "==":
    case "!=":
      version = fc.oneof(
        { weight: 3, arbitrary: versionText(near(base)) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(epoch, base === undefined ? releaseText(1) : nearRelease(base, 1))
            .map(([e, r]) => `${e}${r}.*`),
        },
      );
      break;
    case "~=":
      version = versionText({ local: false, minRelease: 2, ...near(base) });
      break;
    case "===":
      version = fc.oneof(versionText(near(base)), fc.constantFrom("lolwat", "1.0-custom", "1.0"));
      break;
    default:
      version = versionText({ local: false, ...near(base) });
  }
  const slightlyWrong = fc.constantFrom(
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    ".*",
    "+local",
  );
  return fc
    .tuple(space, version, space, slightlyWrong)
    .map(([s1, v, s2, extra]) => `${s1}${op}${s1}${v}${extra}${s2}`);
}

function near(base: string | undefined): { near?: string } {
  return base === undefined ? {} : { near: base };
}

/** A set of 0–3 clauses, the first one near `base` when given. */
export function specifierSetText(base?: string) {
  return fc
    .tuple(clauseText(base), fc.array(clauseText(), { minLength: 0, maxLength: 2 }), fc.nat(9))
    .chain(([first, others, emptyRoll]) =>
      fc
        .constantFrom(",", ", ", " ,")
        .map((joiner) => (emptyRoll === 0 ? "" : [first, ...others].join(joiner))),
    );
}

/** A version and a specifier set built around the same release, so that boundaries are hit. */
export const versionAndSpecifierSet = releaseText(1).chain((base) =>
  fc.tuple(versionText({ near: base }), specifierSetText(base)),
);
