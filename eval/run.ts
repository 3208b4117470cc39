// npm run eval [-- --task NAME] [--file PATH] [--json] [--causes] [--causes-list]
// Runs every task in eval/tasks/ on ../shared/data, or one task on another copy of its data.
import { readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { dataPath, fmt, repoRoot, type EvalRow, type EvalTask } from './harness.js';

const { values } = parseArgs({
  options: {
    task: { type: 'string' },
    file: { type: 'string' },
    json: { type: 'boolean', default: false },
    // Read by tasks that print a breakdown (entities-bcubed: lost recall per cause, and each mention).
    causes: { type: 'boolean', default: false },
    'causes-list': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

async function loadTasks(): Promise<EvalTask[]> {
  const dir = join(repoRoot, 'eval', 'tasks');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const tasks: EvalTask[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { tasks?: EvalTask[]; task?: EvalTask };
    if (mod.task) tasks.push(mod.task);
    for (const t of mod.tasks ?? []) tasks.push(t);
  }
  return tasks;
}

async function main(): Promise<void> {
  const tasks = await loadTasks();
  if (values.help) {
    console.log('usage: npm run eval -- [--task NAME] [--file PATH] [--json] [--causes] [--causes-list]\ntasks: ' + tasks.map((t) => t.name).join(', '));
    return;
  }
  if (values.file && !values.task) {
    console.error('eval: --file needs --task');
    process.exit(2);
  }
  const selected = values.task ? tasks.filter((t) => t.name === values.task) : tasks;
  if (selected.length === 0) {
    console.error(`eval: no task named ${values.task}; tasks: ${tasks.map((t) => t.name).join(', ')}`);
    process.exit(2);
  }
  let failed = false;
  for (const task of selected) {
    const paths = values.file ? [values.file] : task.defaultPaths.map((p) => (isAbsolute(p) ? p : dataPath(p)));
    let rows: EvalRow[] = [];
    try {
      for (const p of paths) rows = rows.concat(await task.run(p));
    } catch (err) {
      failed = true;
      console.error(`eval: ${task.name}: ${(err as Error).message}`);
      continue;
    }
    const head = rows[0];
    if (values.json) {
      console.log(JSON.stringify({ task: task.name, metric: head?.metric ?? task.metric, score: head?.score ?? null, n: head?.n ?? 0, details: rows }));
    } else {
      console.log(`\n## ${task.name}`);
      console.log('| data set | metric | ours | n | published reference |');
      console.log('|---|---|---:|---:|---|');
      for (const r of rows) console.log(`| ${r.dataset} | ${r.metric} | ${fmt(r.score, r.metric)} | ${r.n} | ${r.reference ?? ''} |`);
    }
  }
  process.exit(failed ? 1 : 0);
}

await main();
