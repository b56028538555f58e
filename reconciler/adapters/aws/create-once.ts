import { isLabenvError } from "../../core/errors.js";

/** Attempts of a create that takes no idempotency token, each after looking for what an earlier one made. */
export const CREATE_ATTEMPTS = 3;

/**
 * A create whose reply was lost (timeout, reset connection, 5xx): AWS may or may not
 * have made the resource. The failure is kept as `failure`, not `cause`: the SDK's
 * retry classification follows `cause` and would retry it again.
 */
export class UncertainOutcome extends Error {
  override readonly name = "UncertainOutcome";
  constructor(
    doing: string,
    readonly failure: unknown,
  ) {
    super(
      `${doing}: no reply (${failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure)})`,
    );
  }
}

interface CommandWithStack {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
      ) => (args: unknown) => Promise<unknown>,
      options: { step: "finalizeRequest"; priority: "low"; name: string },
    ): void;
  };
}

/**
 * Stops the SDK from repeating a command blindly: its retry middleware would send
 * `RegisterTaskDefinition` or `CreateSnapshot` again after a lost reply and make a
 * second revision or snapshot. Inside each attempt, a failure that is not a refusal
 * (throttling, a 4xx) becomes `UncertainOutcome`, which the SDK does not retry;
 * throttling is still retried by the SDK (nothing was made).
 */
export function withoutBlindRetry<C>(command: C): C {
  (command as unknown as CommandWithStack).middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        if (isRefusal(e)) throw e;
        throw new UncertainOutcome("no reply", e);
      }
    },
    { step: "finalizeRequest", priority: "low", name: "labenvNoBlindRetry" },
  );
  return command;
}

/**
 * Creates a resource AWS cannot deduplicate: when an attempt gets no reply, it looks
 * for what that attempt may have made (by the `labenv:resource` and
 * `labenv:spec-hash` tags) and returns it, and only tries again when there is none.
 */
export async function createOnce<T>(
  doing: string,
  create: () => Promise<T>,
  lookUp: () => Promise<T | undefined>,
  attempts = CREATE_ATTEMPTS,
): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await create();
    } catch (e) {
      if (isRefusal(e)) throw e;
      last = e;
    }
    const made = await lookUp();
    if (made !== undefined) return made;
  }
  throw last instanceof UncertainOutcome ? last : new UncertainOutcome(doing, last);
}

const THROTTLED = /Throttl|RequestLimitExceeded|TooManyRequests|SlowDown/;

/** An answer from AWS that says nothing was made: a 4xx, throttling (EC2 throttles with a 503), or labenv's own refusal. */
function isRefusal(e: unknown): boolean {
  if (isLabenvError(e)) return true;
  if (e instanceof UncertainOutcome) return false;
  if (e instanceof Error && THROTTLED.test(e.name)) return true;
  const status = (e as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
  return status !== undefined && status >= 400 && status < 500;
}
