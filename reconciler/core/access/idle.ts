/**
 * Idle shutdown, decided from what Jupyter itself reports: `GET /api/status`
 * (`last_activity`, `started`), `GET /api/kernels` and `GET /api/terminals` (each with its
 * `last_activity`; a kernel also has an `execution_state`). Pure: the caller fetches.
 */

/** The parts of Jupyter's activity API the decision reads. */
export interface JupyterActivity {
  status: { started?: string; last_activity?: string };
  kernels: { id: string; last_activity?: string; execution_state?: string }[];
  terminals: { name: string; last_activity?: string }[];
}

export type IdleDecision =
  | { stop: false; reason: string; lastActivity?: string; idleMinutes?: number }
  | { stop: true; reason: string; lastActivity: string; idleMinutes: number };

/** The latest of several ISO times, or undefined when none parses. */
function latest(times: (string | undefined)[]): string | undefined {
  let best: { t: number; s: string } | undefined;
  for (const s of times) {
    if (!s) continue;
    const t = Date.parse(s);
    if (Number.isNaN(t)) continue;
    if (!best || t > best.t) best = { t, s: new Date(t).toISOString() };
  }
  return best?.s;
}

/**
 * Whether a running environment has been idle for `idleShutdownMinutes` at `now`: no kernel
 * busy, and nothing (the server, a kernel, a terminal) active for that long. Without
 * `idleShutdownMinutes` an environment never stops by itself. Without any activity time at all
 * (Jupyter did not answer with one) it is not stopped: labenv does not stop what it cannot
 * measure.
 */
export function decideIdle(
  activity: JupyterActivity,
  idleShutdownMinutes: number | undefined,
  now: Date,
): IdleDecision {
  if (idleShutdownMinutes === undefined || idleShutdownMinutes <= 0)
    return { stop: false, reason: "no idle shutdown (schedule.idleShutdownMinutes is not set)" };
  const busy = activity.kernels.filter((k) => k.execution_state === "busy");
  const last = latest([
    activity.status.last_activity,
    activity.status.started,
    ...activity.kernels.map((k) => k.last_activity),
    ...activity.terminals.map((t) => t.last_activity),
  ]);
  if (busy.length > 0)
    return {
      stop: false,
      reason: `${busy.length} kernel${busy.length === 1 ? " is" : "s are"} running code`,
      ...(last ? { lastActivity: last } : {}),
    };
  if (!last) return { stop: false, reason: "Jupyter reported no activity time; not stopping" };
  const idleMinutes = Math.floor((now.getTime() - Date.parse(last)) / 60_000);
  if (idleMinutes < idleShutdownMinutes)
    return {
      stop: false,
      reason: `active ${idleMinutes} min ago (stops after ${idleShutdownMinutes} min idle)`,
      lastActivity: last,
      idleMinutes,
    };
  return {
    stop: true,
    reason: `idle for ${idleMinutes} min (no kernel or terminal activity since ${last}; idleShutdownMinutes is ${idleShutdownMinutes})`,
    lastActivity: last,
    idleMinutes,
  };
}
