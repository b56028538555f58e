/**
 * The options pip accepts inside requirements files, read the way pip reads
 * them (POSIX shell words, then optparse: `--name=value`, `--name value`,
 * `-i value`, `-ivalue`, unambiguous prefixes of long names).
 */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly aliases?: readonly string[];
  readonly takesValue: boolean;
  /** `line`: a file-wide option; `requirement`: one that belongs to the requirement on the same line. */
  readonly scope: "line" | "requirement";
}

export const PIP_FILE_OPTIONS: readonly OptionSpec[] = [
  { name: "--index-url", short: "-i", aliases: ["--pypi-url"], takesValue: true, scope: "line" },
  { name: "--extra-index-url", takesValue: true, scope: "line" },
  { name: "--no-index", takesValue: false, scope: "line" },
  { name: "--constraint", short: "-c", takesValue: true, scope: "line" },
  { name: "--requirement", short: "-r", takesValue: true, scope: "line" },
  { name: "--editable", short: "-e", takesValue: true, scope: "line" },
  { name: "--find-links", short: "-f", takesValue: true, scope: "line" },
  { name: "--no-binary", takesValue: true, scope: "line" },
  { name: "--only-binary", takesValue: true, scope: "line" },
  { name: "--prefer-binary", takesValue: false, scope: "line" },
  { name: "--require-hashes", takesValue: false, scope: "line" },
  { name: "--pre", takesValue: false, scope: "line" },
  { name: "--trusted-host", takesValue: true, scope: "line" },
  { name: "--use-feature", takesValue: true, scope: "line" },
  { name: "--hash", takesValue: true, scope: "requirement" },
  { name: "--config-settings", short: "-C", takesValue: true, scope: "requirement" },
  { name: "--global-option", takesValue: true, scope: "requirement" },
];

export interface Word {
  readonly text: string;
  /** Offset of the word's first character in the text that was split. */
  readonly offset: number;
}

export interface ParsedOption {
  readonly spec: OptionSpec;
  readonly value?: string;
  readonly offset: number;
}

export interface OptionProblem {
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
}

/** POSIX shell-style words (`shlex.split`): quotes group, backslash escapes. */
export function shellWords(text: string): { words: Word[]; problem?: OptionProblem } {
  const words: Word[] = [];
  let current: string | undefined;
  let start = 0;
  let quote: "'" | '"' | undefined;
  let quoteStart = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? "";
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\"))
        current += text[++i] ?? "";
      else current += char;
    } else if (/[ \t\r\n]/.test(char)) {
      if (current !== undefined) words.push({ text: current, offset: start });
      current = undefined;
    } else {
      if (current === undefined) {
        current = "";
        start = i;
      }
      if (char === "'" || char === '"') {
        quote = char;
        quoteStart = i;
      } else if (char === "\\") {
        if (i + 1 >= text.length)
          return {
            words,
            problem: {
              offset: i,
              message: "a backslash at the end escapes nothing",
              hint: "remove the trailing backslash",
            },
          };
        current += text[++i] ?? "";
      } else {
        current += char;
      }
    }
  }
  if (quote)
    return {
      words,
      problem: {
        offset: quoteStart,
        message: `no closing ${quote} quotation`,
        hint: `close the ${quote} quote`,
      },
    };
  if (current !== undefined) words.push({ text: current, offset: start });
  return { words };
}

function findSpec(flag: string): OptionSpec | OptionProblem | undefined {
  const exact = PIP_FILE_OPTIONS.find(
    (s) => s.name === flag || s.short === flag || s.aliases?.includes(flag),
  );
  if (exact || !flag.startsWith("--")) return exact;
  const prefixed = PIP_FILE_OPTIONS.filter((s) =>
    [s.name, ...(s.aliases ?? [])].some((n) => n.startsWith(flag)),
  );
  if (prefixed.length > 1) {
    return {
      offset: 0,
      message: `ambiguous option ${flag} (${prefixed.map((s) => s.name).join(", ")})`,
      hint: "write the option in full",
    };
  }
  return prefixed[0];
}

/** optparse over the words; stops at the first problem, as pip does. */
export function parseOptions(words: readonly Word[]): {
  options: ParsedOption[];
  problem?: OptionProblem;
} {
  const options: ParsedOption[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    if (!word) break;
    const long = word.text.startsWith("--");
    if (!word.text.startsWith("-") || word.text === "-") {
      return {
        options,
        problem: {
          offset: word.offset,
          message: `unexpected ${JSON.stringify(word.text)} among options`,
          hint: "put the requirement before its options, one requirement per line",
        },
      };
    }
    const equals = long ? word.text.indexOf("=") : -1;
    const flag = long
      ? equals >= 0
        ? word.text.slice(0, equals)
        : word.text
      : word.text.slice(0, 2);
    const found = findSpec(flag);
    if (found === undefined) {
      return {
        options,
        problem: {
          offset: word.offset,
          message: `no such option: ${flag}`,
          hint: "see `pip install --help` for the options a requirements file may use",
        },
      };
    }
    if (!("name" in found)) return { options, problem: { ...found, offset: word.offset } };
    const attached = long
      ? equals >= 0
        ? word.text.slice(equals + 1)
        : undefined
      : word.text.length > 2
        ? word.text.slice(2)
        : undefined;
    if (!found.takesValue) {
      if (attached !== undefined)
        return {
          options,
          problem: {
            offset: word.offset,
            message: `${found.name} option does not take a value`,
            hint: `write ${found.name} on its own`,
          },
        };
      options.push({ spec: found, offset: word.offset });
      continue;
    }
    if (attached !== undefined) {
      options.push({ spec: found, value: attached, offset: word.offset });
      continue;
    }
    const next = words[i + 1];
    if (!next)
      return {
        options,
        problem: {
          offset: word.offset,
          message: `${flag} option requires an argument`,
          hint: `write ${found.name} <value>`,
        },
      };
    options.push({ spec: found, value: next.text, offset: word.offset });
    i += 1;
  }
  return { options };
}
