import { createPrivateKey } from "node:crypto";
import { LabenvError } from "../../reconciler/core/errors.js";

/** The app id as GitHub shows it (a positive integer), or a config error naming where it came from. */
export function checkAppId(text: string, from: string): number {
  const value = text.trim();
  if (!/^[1-9][0-9]*$/.test(value))
    throw new LabenvError(
      "config",
      value === ""
        ? `${from} is not set`
        : `${from} must be the app's numeric id, not ${JSON.stringify(value)}`,
      { hint: "the App ID is on the app's settings page (About → App ID)" },
    );
  return Number(value);
}

/** The private key as PEM (`\n` escapes accepted), checked to be an RSA private key, or a config error. */
export function checkPrivateKey(text: string, from: string): string {
  const pem = text.replace(/\\n/g, "\n").trim();
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== "rsa") throw new Error(`a ${key.asymmetricKeyType} key`);
  } catch (e) {
    throw new LabenvError(
      "config",
      `${from} does not hold an RSA private key in PEM form: ${(e as Error).message}`,
      { hint: "use the .pem GitHub generated for the app", cause: e },
    );
  }
  return `${pem}\n`;
}
