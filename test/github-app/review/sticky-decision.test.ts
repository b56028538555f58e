import { describe, expect, it } from "vitest";
import {
  decideStickyComment,
  planMarker,
  readPlanMarker,
} from "../../../github-app/review/sticky-decision.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const body = (head: string, at: string, text: string) => `${planMarker({ head, at })}\n${text}`;

describe("decideStickyComment", () => {
  it("round-trips the marker", () => {
    expect(readPlanMarker(body(A, "2026-11-23T10:00:00Z", "x"))).toEqual({
      head: A,
      at: "2026-11-23T10:00:00Z",
    });
    expect(readPlanMarker("no marker")).toBeUndefined();
  });

  it("creates, updates, keeps identical, keeps newer", () => {
    const next = {
      body: body(B, "2026-11-23T11:00:00Z", "plan B"),
      marker: { head: B, at: "2026-11-23T11:00:00Z" },
    };
    expect(decideStickyComment(undefined, next)).toEqual({ action: "create" });
    expect(
      decideStickyComment({ id: 1, body: body(A, "2026-11-23T10:00:00Z", "plan A") }, next),
    ).toEqual({ action: "update", id: 1 });
    expect(
      decideStickyComment({ id: 1, body: body(A, "2026-11-23T10:00:00Z", "plan B") }, next),
    ).toEqual({ action: "keep", id: 1, why: "identical" });
    expect(
      decideStickyComment({ id: 1, body: body(A, "2026-11-23T12:00:00Z", "plan A") }, next),
    ).toEqual({ action: "keep", id: 1, why: "newer-push-shown" });
  });

  it("replaces a comment without a readable marker", () => {
    expect(
      decideStickyComment(
        { id: 3, body: "<!-- labenv:plan -->\nold format" },
        {
          body: body(A, "2026-11-23T10:00:00Z", "x"),
          marker: { head: A, at: "2026-11-23T10:00:00Z" },
        },
      ),
    ).toEqual({ action: "update", id: 3 });
  });
});
