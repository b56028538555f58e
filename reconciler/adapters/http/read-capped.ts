/**
 * A response body as text, refused as soon as it is longer than `max` bytes: by its
 * Content-Length before anything is read, or while it streams (the rest is cancelled, never
 * buffered). `refuse` makes the error the caller throws.
 */
export async function readCapped(
  response: Response,
  max: number,
  refuse: () => Error,
): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    throw refuse();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw refuse();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
