/** GitHub refuses comment bodies and check-run summaries longer than this. */
export const GITHUB_TEXT_LIMIT = 65_536;

/** Cuts `text` to at most `max` characters, saying so at the end. */
export function capText(text: string, max = GITHUB_TEXT_LIMIT - 536): string {
  if (text.length <= max) return text;
  const note = "\n\n… cut here: the rest would exceed GitHub's 65,536 characters.";
  return `${text.slice(0, max - note.length)}${note}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Markdown inline code that survives backticks and pipes inside it. */
export function code(s: string): string {
  return `\`${s.replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
}

/** One table cell: no newlines, pipes escaped. */
export function cell(s: string): string {
  return s.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}
