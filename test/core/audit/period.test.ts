import { describe, expect, it } from "vitest";
import { isoSeconds, looksLikeDate, parseInstant } from "../../../reconciler/core/audit/period.js";
import { isLabenvError } from "../../../reconciler/core/errors.js";

describe("dates on the command line", () => {
  it("reads a bare date as the start or the end of that UTC day, and timestamps exactly", () => {
    expect(isoSeconds(parseInstant("2026-06-30", "start", "--since"))).toBe("2026-06-30T00:00:00Z");
    expect(isoSeconds(parseInstant("2026-06-30", "end", "--until"))).toBe("2026-06-30T23:59:59Z");
    expect(isoSeconds(parseInstant("2026-06-30T14:00:00+02:00", "end", "--until"))).toBe(
      "2026-06-30T12:00:00Z",
    );
    expect(isoSeconds(parseInstant("2026-06-30T14:00", "end", "--until"))).toBe(
      "2026-06-30T14:00:00Z",
    );
  });

  it("refuses what is not a date, as a usage error", () => {
    for (const bad of ["2026-02-30", "yesterday", "2026-6-1", ""]) {
      let error: unknown;
      try {
        parseInstant(bad, "start", "--since");
      } catch (e) {
        error = e;
      }
      expect(isLabenvError(error) && error.code === "usage", bad).toBe(true);
    }
  });

  it("tells dates from commits", () => {
    expect(looksLikeDate("2026-03-01")).toBe(true);
    expect(looksLikeDate("4174f06")).toBe(false);
    expect(looksLikeDate("main")).toBe(false);
  });
});
