/**
 * AWS tag values allow only letters, digits, spaces and `+ - = . _ : / @`, up
 * to 256 characters. Free text (a snapshot's reason, `alice → bob`) is stored
 * base64-encoded behind `b64:` when it needs to be; base64 stays inside that
 * alphabet.
 */
const SAFE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const ENCODED = "b64:";
const MAX = 256;

export function encodeTagValue(text: string): string {
  if (SAFE.test(text) && !text.startsWith(ENCODED) && text.length <= MAX) return text;
  let bytes = Buffer.from(text, "utf8");
  // 4 base64 characters per 3 bytes: keep what fits, cutting at a character boundary.
  const room = Math.floor((MAX - ENCODED.length) / 4) * 3;
  if (bytes.length > room)
    bytes = Buffer.from(
      bytes
        .subarray(0, room)
        .toString("utf8")
        .replace(/\uFFFD+$/, ""),
      "utf8",
    );
  return ENCODED + bytes.toString("base64");
}

export function decodeTagValue(value: string): string {
  return value.startsWith(ENCODED)
    ? Buffer.from(value.slice(ENCODED.length), "base64").toString("utf8")
    : value;
}

/** Free text as EC2 accepts in a `Description`: printable ASCII, at most 255 characters. For people only. */
export function asciiDescription(text: string): string {
  return text
    .replace(/→/g, "->")
    .replace(/[^\x20-\x7e]/g, "?")
    .slice(0, 255);
}
