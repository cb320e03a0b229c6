/**
 * `npm run emulator [-- --port N] [--seed FILE] [--latency MS] [--fault OP:KIND[=VALUE][:TIMES][:NTH] …]`:
 * serves the emulator until SIGINT/SIGTERM; `--fault` may repeat (see faults.ts for the kinds).
 * Prints one JSON line once listening, {"endpoint","secretId","secretKey"} of the first account, so a script
 * can read where and how to connect. Without --seed it serves the demo world in demo-seed.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFaultFlag } from './faults';
import { parseSeed, startEmulator } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      latency: { type: 'string' },
      fault: { type: 'string', multiple: true },
    },
  });
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port number.`);
  const seedFile = values.seed ?? fileURLToPath(new URL('./demo-seed.json', import.meta.url));
  const seed = parseSeed(JSON.parse(readFileSync(seedFile, 'utf8')));
  // Checked before listening, so a typo fails at start-up rather than silently serving a well-behaved emulator.
  const faults = (values.fault ?? []).map(parseFaultFlag);
  const latency = Number(values.latency ?? 0);
  if (!(Number.isInteger(latency) && latency >= 0)) throw new Error(`--latency ${values.latency} is not a whole number of ms.`);
  if (latency > 0) faults.unshift({ operation: '*', kind: 'latency', ms: latency, times: Infinity });

  const emulator = await startEmulator({ port, seed });
  faults.forEach((fault) => emulator.faults.add(fault));
  const [account] = emulator.accounts;
  process.stdout.write(
    `${JSON.stringify({ endpoint: emulator.endpoint, secretId: account.secretId, secretKey: account.secretKey })}\n`,
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`cos-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
