import nock from "nock";
import { afterEach, beforeEach, expect } from "vitest";

/**
 * Strict HTTP doubles for a test file: no real network (loopback only, for
 * the webhook server tests), every request must match a mock, and every mock
 * must be used. Registers its hooks; call once at the top of a test file.
 */
export function strictNock(): void {
  const unmatched: string[] = [];
  const onNoMatch = (req: {
    method?: string;
    path?: string;
    href?: string;
    host?: string;
    hostname?: string;
    options?: { href?: string; host?: string; hostname?: string };
  }) => {
    const where = `${req.href ?? req.options?.href ?? ""} ${req.host ?? req.hostname ?? req.options?.host ?? req.options?.hostname ?? ""}`;
    if (/127\.0\.0\.1|localhost/.test(where)) return; // the test's own loopback webhook server
    unmatched.push(`${req.method ?? "?"} ${req.href ?? req.options?.href ?? req.path ?? "?"}`);
  };
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect((host) => host.startsWith("127.0.0.1") || host.startsWith("localhost"));
    unmatched.length = 0;
    nock.emitter.on("no match", onNoMatch);
  });
  afterEach(() => {
    nock.emitter.removeListener("no match", onNoMatch);
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    expect(unmatched, "requests that no mock matched").toEqual([]);
    expect(pending, "mocks that were never used").toEqual([]);
  });
}
