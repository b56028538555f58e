// What an Application Load Balancer gives a Lambda target and takes back (single-value
// headers): the wake page and the dashboard are both such targets.

/** The request, as the load balancer sends it (the fields labenv reads). */
export interface AlbEvent {
  httpMethod: string;
  path: string;
  headers?: Record<string, string>;
}

/** The answer, as the load balancer takes it. */
export interface AlbResult {
  statusCode: number;
  statusDescription: string;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

const REASONS: Record<number, string> = {
  200: "OK",
  202: "Accepted",
  302: "Found",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** `statusDescription` as the load balancer wants it: the code and its reason phrase. */
export function statusDescription(code: number): string {
  return `${code} ${REASONS[code] ?? ""}`.trim();
}
