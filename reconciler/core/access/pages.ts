import type { AccessDecision } from "./who-may-open.js";

/**
 * The pages a person sees on the way to their environment: the sign-in problem (401), no
 * access (403, naming who may grant it), no such environment (404), the read-only notice for a
 * share recipient, and the wake page that starts a stopped environment. Plain HTML, no external
 * assets (the load balancer may be internal), readable without script; checked with axe-core.
 */

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#fff;color:#1b1b1b;line-height:1.5}
main{max-width:40rem;margin:3rem auto;padding:0 1.25rem}h1{font-size:1.6rem;margin:0 0 1rem}
code{background:#f1f1f1;padding:.1rem .3rem;border-radius:3px}ul{padding-left:1.25rem}
.status{font-weight:600}progress{width:100%;height:1.2rem}a{color:#0b4f9c}`;

export function page(title: string, body: string, script = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · labenv</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>${script ? `\n<script>${script}</script>` : ""}
</body>
</html>
`;
}

/** 403 or 404 from `decideAccess`: why not, and who may grant access. */
export function deniedPage(decision: Extract<AccessDecision, { allow: false }>): string {
  const grantors = decision.grantors.length
    ? `<h2>Who can give you access</h2>
<ul>
${decision.grantors.map((g) => `<li>${escapeHtml(g.name)} (<code>${escapeHtml(g.id)}</code>)</li>`).join("\n")}
</ul>`
    : "";
  const title =
    decision.status === 404
      ? "No environment at this address"
      : "You may not open this environment";
  return page(
    title,
    `<h1>${title}</h1>
<p>${escapeHtml(decision.reason)}</p>
${grantors}
<p>${escapeHtml(decision.howToGetAccess)}</p>`,
  );
}

/** 401: the load balancer's sign-in did not reach the authorizer intact (or has expired). */
export function signInProblemPage(message: string): string {
  return page(
    "Sign-in needed",
    `<h1>Sign-in needed</h1>
<p>${escapeHtml(message)}.</p>
<p>Reload the page to sign in through your institution again.</p>`,
  );
}

/** 200 for a share recipient: access is granted read-only, but not to the owner's own session. */
export function readOnlyPage(environment: string, share: string): string {
  return page(
    `Read-only access to ${environment}`,
    `<h1>Read-only access to ${escapeHtml(environment)}</h1>
<p>The share <code>${escapeHtml(share)}</code> lets you see ${escapeHtml(environment)} read-only.
This address opens its owner's own Jupyter session, which a read-only share does not
give you, and labenv does not serve a separate read-only view in the browser yet.</p>
<p>To work with the same packages, ask for a snapshot of it to be shared with your lab.</p>`,
  );
}

export interface WakeView {
  environment: string;
  /** Where the page polls for progress (JSON: `{ ready, state, message }`). */
  statusUrl: string;
  /** Where the page posts to start the environment. */
  startUrl: string;
  /** Expected wait in seconds, from the environment's recent starts or a default. */
  expectedSeconds: number;
  /** What the environment is doing now, for the first paint (without script). */
  message: string;
}

/**
 * The wake page: shown at a stopped environment's address. It starts the environment (a POST,
 * so a link preview or a crawler never starts one) and follows progress until Jupyter answers,
 * then reloads into it.
 */
export function wakePage(view: WakeView): string {
  const script = `(() => {
  const status = document.getElementById("status");
  const bar = document.getElementById("progress");
  const button = document.getElementById("start");
  const expected = ${Math.max(1, Math.round(view.expectedSeconds))};
  let started = 0;
  async function poll() {
    if (started) bar.value = Math.min(95, Math.round(((Date.now() - started) / 1000 / expected) * 100));
    try {
      const r = await fetch(${JSON.stringify(view.statusUrl)}, { cache: "no-store" });
      // While the address moves to the task, the load balancer may answer for a moment without it.
      const s = (r.headers.get("content-type") || "").startsWith("application/json") ? await r.json() : undefined;
      if (s) status.textContent = s.message;
      if (s && s.ready) { bar.value = 100; location.reload(); return; }
    } catch (e) {
      status.textContent = "Waiting for the address to answer";
    }
    setTimeout(poll, 1000);
  }
  async function start() {
    button.disabled = true;
    started = Date.now();
    const r = await fetch(${JSON.stringify(view.startUrl)}, { method: "POST" });
    const s = await r.json();
    status.textContent = s.message;
    poll();
  }
  button.form.addEventListener("submit", (e) => { e.preventDefault(); start(); });
  if (new URLSearchParams(location.search).get("start") !== "no") start();
})();`;
  return page(
    `Starting ${view.environment}`,
    `<h1>Starting your environment ${escapeHtml(view.environment)}</h1>
<p>It was stopped to save cost while nobody used it. Starting it takes about
${escapeHtml(humanSeconds(view.expectedSeconds))}; this page opens it when Jupyter answers.</p>
<label for="progress">Progress</label>
<progress id="progress" max="100" value="0"></progress>
<p class="status" id="status" role="status" aria-live="polite">${escapeHtml(view.message)}</p>
<form method="post" action="${escapeHtml(view.startUrl)}"><button id="start" type="submit">Start ${escapeHtml(view.environment)}</button></form>`,
    script,
  );
}

/** A stopped environment that git keeps stopped: the wake page does not start it. */
export function stoppedInGitPage(environment: string, message: string): string {
  return page(
    `${environment} is stopped`,
    `<h1>${escapeHtml(environment)} is stopped</h1>
<p>${escapeHtml(message)}.</p>`,
  );
}

function humanSeconds(s: number): string {
  if (s < 90) return `${Math.max(1, Math.round(s))} seconds`;
  return `${Math.round(s / 60)} minutes`;
}
