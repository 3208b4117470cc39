// npm start: the demo. Ingests the bundled fictional sample corpus into ./daftar-workspace
// (or DAFTAR_WORKSPACE) when that workspace is empty, prints a summary and a search, then
// serves the web UI on 127.0.0.1 when the UI is built.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const workspace = process.env.DAFTAR_WORKSPACE ?? join(process.cwd(), 'daftar-workspace');
const env = { ...process.env, DAFTAR_WORKSPACE: workspace };

function daftar(args, options = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { env, stdio: ['pipe', 'inherit', 'inherit'], ...options });
  return r.status ?? 1;
}

const status = spawnSync(process.execPath, [cli, 'status', '--json'], { env, encoding: 'utf8' });
const documents = status.status === 0 ? JSON.parse(status.stdout).documents : 0;
if (documents === 0) {
  const gold = JSON.parse(readFileSync(join(root, 'samples', 'gold.json'), 'utf8'));
  const files = gold.documents.map((d) => join(root, d.file)).join('\n');
  console.log(`Ingesting the fictional sample corpus (${gold.documents.length} files) into ${workspace}`);
  daftar(['ingest', '-'], { input: files });
} else {
  console.log(`Workspace ${workspace} already holds ${documents} documents; not ingesting again.`);
}
console.log('');
daftar(['status']);
console.log('\nExample: daftar search "Chalkhan camp"');
daftar(['search', 'Chalkhan camp', '--limit', '3']);
console.log('\nExample: daftar search "اردوگاه" --lang fa');
daftar(['search', 'اردوگاه', '--lang', 'fa', '--limit', '3']);

if (existsSync(join(root, 'dist', 'web', 'index.html')) && !process.argv.includes('--no-serve')) {
  console.log('');
  const child = spawn(process.execPath, [cli, 'serve'], { env, stdio: 'inherit' });
  process.on('SIGINT', () => child.kill('SIGINT'));
  child.on('exit', (code) => process.exit(code ?? 0));
}
