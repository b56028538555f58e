/**
 * HTML built by a tagged template that escapes every interpolated value, so
 * text from the repository (a lab's display name, a commit subject, a drift
 * item) can never become markup. Only `Html` values — the output of `html`
 * itself — are inserted as they are.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = Html | string | number | undefined | null | false | readonly HtmlPart[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(part: HtmlPart): string {
  if (part === undefined || part === null || part === false) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: HtmlPart[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1]!;
  return new Html(out);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and the
 * line separators are written as \u escapes, so no value can close the block.
 */
export function jsonScript(id: string, value: unknown): Html {
  const json = JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return new Html(`<script type="application/json" id="${escapeHtml(id)}">${json}</script>`);
}

/** A path segment for a link: names are DNS labels, but a link never trusts that. */
export function urlSegment(s: string): string {
  return encodeURIComponent(s);
}
