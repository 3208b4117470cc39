// npm run bench [-- --only NAME[,NAME]] [--quick]
// Each bench/*.bench.ts exports `name` and `run(opts)`, and prints its own numbers.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean; // smaller corpora, for a smoke run
}

const { values } = parseArgs({
  options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } },
});
const dir = dirname(fileURLToPath(import.meta.url));
const only = values.only?.split(',');
for (const f of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { name: string; run(o: BenchOptions): Promise<void> };
  if (only && !only.includes(mod.name)) continue;
  console.log(`\n## bench: ${mod.name}`);
  await mod.run({ quick: values.quick });
}
