// `npm run bench`: runs every bench/*.bench.ts (or those named on the command
// line) one after another and prints one table. Each bench module exports a
// default async function returning measurements; goals are printed next to the
// figures, never asserted: these machines are shared and noisy.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  met?: boolean;
  note?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

const rows: Measurement[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    default: () => Promise<Measurement[]>;
  };
  process.stderr.write(`bench ${file}…\n`);
  const results = await mod.default();
  for (const r of results) {
    rows.push(r);
    const mark = r.met === undefined ? "" : r.met ? "  ok" : "  MISSED";
    const goal = r.goal ? `  (goal ${r.goal})` : "";
    const note = r.note ? `  ${r.note}` : "";
    console.log(
      `${r.name.padEnd(64)} ${String(round(r.value)).padStart(10)} ${r.unit}${goal}${mark}${note}`,
    );
  }
}
if (rows.length === 0) console.log("no benchmarks matched");

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
