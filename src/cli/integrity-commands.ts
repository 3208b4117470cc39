// Integrity commands (issue 8): checkpoint, verify, protect, bundle, media, indicators.
// Also creates the workspace's signing key after `daftar init`, and on the first
// command that signs (checkpoint, bundle export) in a workspace without one.
// Only the command table is built at start-up; each action imports what it runs (see command-kit.ts).
import { action, commandWorkspace, type Opts } from './command-kit.js';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DaftarError, describeError } from '../model/errors.js';
import type { IndicatorType } from '../indicators/indicator.js';
import type { Sensitivity } from '../model/schema.js';
import type { PassphraseSource } from '../pipeline/checkpoint.js';
import { EXIT_SOME_FAILED } from './errors.js';

const ws = commandWorkspace;

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    let answer = '';
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          done();
          return resolve(answer);
        }
        if (ch === '\u0003') {
          done();
          return reject(new DaftarError('usage', 'cancelled'));
        }
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else answer += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

/** DAFTAR_PASSPHRASE for scripts, else a prompt when stdin and stderr are a terminal. */
export function passphraseSource(): PassphraseSource {
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  return { env: process.env.DAFTAR_PASSPHRASE, prompt: interactive ? promptHidden : null };
}

async function ensureKeyFor(dir: string): Promise<void> {
  const { isWorkspace } = await import('../pipeline/workspace.js');
  const { ensureSigningKey, hasSigningKey } = await import('../pipeline/checkpoint.js');
  if (!isWorkspace(dir) || hasSigningKey(dir)) return;
  const made = await ensureSigningKey(dir, passphraseSource());
  if (made.created) {
    process.stderr.write(`daftar: created the workspace signing key; verifier key (public, share it): ${made.verifierKey}\n`);
    if (made.warning) process.stderr.write(`daftar: warning: ${made.warning}\n`);
  }
}

const KEEP_OUTSIDE =
  'Keep checkpoints OUTSIDE the workspace (another disk, an e-mail to a colleague, print): a checkpoint stored with the log can be rewritten with it.';

export function registerIntegrityCommands(program: Command): void {
  // After `init` (also on an older workspace that has none), make sure it has its key.
  // Workspaces made by `ingest` or `import` get theirs from the first command that signs
  // (checkpoint, bundle export), so those commands' output stays as it is.
  program.hook('postAction', async (_root, actionCommand) => {
    if (actionCommand.name() !== 'init' || actionCommand.parent !== program) return;
    try {
      const { workspaceDir } = await import('../pipeline/workspace.js');
      const global = actionCommand.optsWithGlobals().workspace as string | undefined;
      const dir = workspaceDir((actionCommand.args[0] as string | undefined) ?? global);
      await ensureKeyFor(dir);
    } catch (err) {
      // The command itself succeeded (e.g. on a read-only stick); only say the key is missing.
      process.stderr.write(`daftar: warning: no signing key created (${describeError(err).message})\n`);
    }
  });

  program
    .command('checkpoint')
    .description('sign the current head of the log (C2SP signed note); keep the file outside the workspace')
    .option('-o, --output <file>', 'write the signed checkpoint to this file (default: stdout)')
    .option('--json', 'print JSON')
    .addHelpText('after', `\n${KEEP_OUTSIDE}\nCheck later with: daftar verify --checkpoint <file>\nThe passphrase comes from DAFTAR_PASSPHRASE or a prompt.`)
    .action(
      action(async (opts: Opts & { output?: string }, cmd: Command) => {
        const { makeCheckpoint } = await import('../pipeline/checkpoint.js');
        const w = await ws(cmd);
        try {
          await ensureKeyFor(w.dir);
          const made = await makeCheckpoint(w, passphraseSource());
          if (opts.output) writeFileSync(opts.output, made.note);
          if (opts.json) console.log(JSON.stringify({ checkpoint: made.note, size: made.size, rootHash: made.rootHash, verifierKey: made.verifierKey, output: opts.output ?? null }));
          else if (!opts.output) process.stdout.write(made.note);
          process.stderr.write(`checkpoint of ${made.size} log entries${opts.output ? ` written to ${opts.output}` : ''}\n`);
          process.stderr.write(`verifier key (public): ${made.verifierKey}\n`);
          process.stderr.write(`${KEEP_OUTSIDE}\n`);
        } finally {
          await w.close();
        }
      }),
    );

  program
    .command('verify')
    .description('re-hash every blob, check documents against blobs and the log, and the log against an older checkpoint')
    .option('--checkpoint <file>', 'an older signed checkpoint (kept outside the workspace) the log must extend')
    .option('--key <verifierKey>', 'verifier key to check the checkpoint with (default: the workspace log.pub)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExit 0 when everything checks out, 1 when there are problems (one line each).')
    .action(
      action(async (opts: Opts & { checkpoint?: string; key?: string }, cmd: Command) => {
        let note: string | undefined;
        if (opts.checkpoint !== undefined) {
          if (!existsSync(opts.checkpoint)) throw new DaftarError('not_found', `${opts.checkpoint}: no such checkpoint file`);
          note = readFileSync(opts.checkpoint, 'utf8');
        }
        const { verifyWorkspace } = await import('../pipeline/verify.js');
        const w = await ws(cmd);
        try {
          const result = await verifyWorkspace(w, { checkpointNote: note, verifierKey: opts.key });
          if (opts.json) {
            console.log(JSON.stringify(result));
          } else {
            for (const p of result.problems) console.log(`${p.code}: ${p.message}`);
            for (const n of result.notes) process.stderr.write(`note: ${n}\n`);
            const ck = result.checkpointSize === null ? '' : `, extends the checkpoint of ${result.checkpointSize} entries`;
            if (result.ok) console.log(`ok: ${result.documents} documents, ${result.blobs} blobs, ${result.logEntries} log entries${ck}`);
            else process.stderr.write(`${result.problems.length} problem(s) found\n`);
          }
          if (!result.ok) process.exitCode = EXIT_SOME_FAILED;
        } finally {
          await w.close();
        }
      }),
    );

  const bundle = program.command('bundle').description('self-verifying bundles of documents, originals and the log, to move evidence between workspaces');
  bundle
    .command('export')
    .description('write a bundle (zip): originals, records, log entries, a signed checkpoint and proofs')
    .requiredOption('-o, --output <file>', 'bundle file to write')
    .option('--since <checkpoint>', 'only documents logged after this older checkpoint of this workspace')
    .option('--full', 'confirm that protected persons and documents go into the bundle unredacted')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts & { output: string; since?: string; full?: boolean }, cmd: Command) => {
        let since: string | undefined;
        if (opts.since !== undefined) {
          if (!existsSync(opts.since)) throw new DaftarError('not_found', `${opts.since}: no such checkpoint file`);
          since = readFileSync(opts.since, 'utf8');
        }
        const { exportBundle } = await import('../pipeline/bundle.js');
        const w = await ws(cmd);
        try {
          await ensureKeyFor(w.dir);
          const made = await exportBundle(w, passphraseSource(), { sinceCheckpoint: since, full: opts.full });
          // Written whole, then renamed: a bundle file is never seen half-written.
          const tmp = `${opts.output}.${process.pid}.tmp`;
          writeFileSync(tmp, made.bytes);
          renameSync(tmp, opts.output);
          if (opts.json) console.log(JSON.stringify({ output: opts.output, documents: made.documents, logSize: made.logSize, bytes: made.bytes.length }));
          else console.log(`wrote ${opts.output}: ${made.documents} documents, log of ${made.logSize} entries, ${made.bytes.length} bytes`);
        } finally {
          await w.close();
        }
      }),
    );
  bundle
    .command('import')
    .description('verify a bundle completely, then merge it (idempotent; differing curation kept as alternatives)')
    .argument('<file>', 'a file written by `daftar bundle export`')
    .option('--key <verifierKey>', 'accept only a bundle signed by this key (the sender\'s log.pub)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nWithout --key a bundle is checked for integrity under the key it names; compare that key (printed) with the sender\'s log.pub.')
    .action(
      action(async (file: string, opts: Opts & { key?: string }, cmd: Command) => {
        if (!existsSync(file)) throw new DaftarError('not_found', `${file}: no such bundle file`);
        const bytes = new Uint8Array(readFileSync(file));
        const { importBundle } = await import('../pipeline/bundle.js');
        const w = await ws(cmd, true);
        try {
          const r = await importBundle(w, bytes, { trustedKey: opts.key });
          if (opts.json) console.log(JSON.stringify(r));
          else
            console.log(
              `bundle from ${r.origin} (key ${r.verifierKey}): added ${r.documentsAdded} documents (${r.documentsPresent} already present), ${r.entitiesAdded} entities, ${r.actionsAdded} actions; ${r.alternatives} differing decisions kept as alternatives`,
            );
        } finally {
          await w.close();
        }
      }),
    );

  const media = program.command('media').description('images and video: near-duplicates, exports without metadata');
  media
    .command('duplicates')
    .description('list near-duplicate image pairs (perceptual fingerprints; new images are fingerprinted first)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts, cmd: Command) => {
        const { findNearDuplicates, fingerprintImages, hasFfmpeg } = await import('../pipeline/media.js');
        const w = await ws(cmd);
        try {
          const made = await fingerprintImages(w);
          for (const f of made.failed) process.stderr.write(`daftar: ${f.documentId}: no fingerprint (${f.message})\n`);
          const pairs = await findNearDuplicates(w);
          if (opts.json) return void console.log(JSON.stringify({ fingerprinted: made.added, pairs }));
          if (!hasFfmpeg()) process.stderr.write('note: ffmpeg is not installed, so video keyframes are not compared; only images are\n');
          if (pairs.length === 0) return void console.log('no near-duplicate images');
          for (const p of pairs) console.log(`${p.a.slice(0, 12)}  ${p.b.slice(0, 12)}  distance ${p.comparison.distance} via ${p.comparison.via}`);
        } finally {
          await w.close();
        }
      }),
    );
  media
    .command('export')
    .description('write a copy of a media document; images lose all metadata (GPS, camera, thumbnail) unless --keep-metadata')
    .argument('<id>', 'document id or unique prefix')
    .requiredOption('-o, --output <file>', 'file to write')
    .option('--keep-metadata', 'write the original bytes, metadata included')
    .action(
      action(async (idArg: string, opts: Opts & { output: string; keepMetadata?: boolean }, cmd: Command) => {
        const { exportMedia } = await import('../pipeline/media.js');
        const w = await ws(cmd);
        try {
          const ids = await w.store.findDocumentIds(idArg, 2);
          if (ids.length !== 1) throw new DaftarError(ids.length ? 'ambiguous_id' : 'not_found', `${idArg}: ${ids.length ? 'prefix matches several documents' : 'no document with this id or prefix'}`);
          const r = await exportMedia(w, ids[0]!, { keepMetadata: opts.keepMetadata });
          writeFileSync(opts.output, r.bytes);
          console.log(`wrote ${opts.output} (${r.format}, ${r.bytes.length} bytes${r.stripped ? ', metadata removed' : ', original with metadata'})`);
        } finally {
          await w.close();
        }
      }),
    );

  const indicators = program.command('indicators').description('indicators of compromise (STIX 2.1 or plain lists): file hashes, domains, app packages');
  indicators
    .command('import')
    .description('add an indicator set: a STIX 2.1 bundle, or one sha256 / domain / package name a line')
    .argument('<file>', 'STIX JSON or a text list')
    .option('--name <set>', 'name of the set (default: the file name, or the STIX malware name)')
    .option('--type <type>', 'treat every line of a list as this type: sha256, domain or package')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts: Opts & { name?: string; type?: string }, cmd: Command) => {
        if (opts.type !== undefined && !['sha256', 'domain', 'package'].includes(opts.type)) throw new DaftarError('usage', `--type ${opts.type}: expected sha256, domain or package`);
        if (!existsSync(file)) throw new DaftarError('not_found', `${file}: no such file`);
        const text = readFileSync(file, 'utf8');
        const { importIndicators } = await import('../pipeline/indicators.js');
        const w = await ws(cmd);
        try {
          const r = await importIndicators(w, file, text, { setName: opts.name, type: opts.type as IndicatorType | undefined });
          if (opts.json) return void console.log(JSON.stringify(r));
          const types = Object.entries(r.byType).map(([k, v]) => `${v} ${k}`).join(', ');
          console.log(`set "${r.setName}" (${r.format}): ${r.indicators} indicators (${types}), ${r.added} new`);
          for (const x of r.rejected) process.stderr.write(`  line ${x.line}: not a sha256, domain or package name: ${x.text}\n`);
          if (r.skipped) process.stderr.write(`  ${r.skipped} STIX indicator(s) with other pattern types skipped\n`);
        } finally {
          await w.close();
        }
      }),
    );
  indicators
    .command('matches')
    .description('list documents whose file hash, or whose text (domains, package names), matches an indicator')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts, cmd: Command) => {
        const { matchIndicators } = await import('../pipeline/indicators.js');
        const w = await ws(cmd);
        try {
          const matches = await matchIndicators(w);
          if (opts.json) return void console.log(JSON.stringify(matches));
          if (matches.length === 0) return void console.log('no matches');
          for (const m of matches) {
            const where = m.text === null ? 'file hash' : `"${m.text}" at ${m.start}`;
            console.log(`${m.documentId.slice(0, 12)}  ${m.type.padEnd(7)} ${m.value}  (${where})  set: ${m.sets.join('; ')}`);
          }
        } finally {
          await w.close();
        }
      }),
    );

  program
    .command('protect')
    .description('set the sensitivity of a document or an entity (protected persons are pseudonymized in exports)')
    .argument('<id>', 'document id (or unique prefix) or entity id')
    .option('--level <level>', 'protected, restricted or public', 'protected')
    .requiredOption('--reason <text>', 'why (recorded in the log)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: Opts & { level: string; reason: string }, cmd: Command) => {
        const { protectTarget } = await import('../pipeline/protect.js');
        const w = await ws(cmd);
        try {
          const r = await protectTarget(w, id, opts.level as Sensitivity, opts.reason);
          if (opts.json) console.log(JSON.stringify({ target: r.kind, id: r.id, level: opts.level, previous: r.previous, action: r.action.id }));
          else console.log(`${r.kind} ${r.id}: ${r.previous} -> ${opts.level} (action ${r.action.id})`);
        } finally {
          await w.close();
        }
      }),
    );
}
