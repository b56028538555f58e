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

/**
 * GET `url` and its body as text, at most `maxBytes` and `timeoutMs`; `optional`: a 404 is
 * undefined. Every failure is an Error that names the URL: no answer in time, the network's
 * code, the HTTP status, or a body too large.
 */
export async function fetchCapped(
  url: string,
  options: { maxBytes: number; timeoutMs: number; optional?: boolean; fetch?: typeof fetch },
): Promise<string | undefined> {
  const { maxBytes, timeoutMs } = options;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new Error(failure(url, e, timeoutMs));
  }
  if (!response.ok) {
    await response.body?.cancel();
    if (options.optional && response.status === 404) return undefined;
    throw new Error(`${url} answered HTTP ${response.status}`);
  }
  try {
    return await readCapped(
      response,
      maxBytes,
      () => new Error(`${url} is larger than ${maxBytes} bytes`),
    );
  } catch (e) {
    if (e instanceof Error && e.message.startsWith(`${url} is larger`)) throw e;
    throw new Error(failure(url, e, timeoutMs));
  }
}

function failure(url: string, e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string }; message?: string };
  return err.name === "TimeoutError"
    ? `${url} did not answer within ${timeoutMs / 1000} s`
    : `${url}: ${err.cause?.code ?? err.message ?? String(e)}`;
}
