// Until src/cli/main.ts registers the integrity commands, the tests run the compiled
// commands through this stand-in entry point, built the same way main.ts builds its program.
import { Command, CommanderError } from 'commander';
import { registerCommands } from '../../dist/src/cli/commands.js';
import { registerIntegrityCommands } from '../../dist/src/cli/integrity-commands.js';

const program = new Command();
program.name('daftar').option('-w, --workspace <dir>', 'workspace folder').exitOverride();
registerCommands(program);
registerIntegrityCommands(program);
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2;
  else {
    process.stderr.write(`daftar: ${err.message}\n`);
    process.exitCode = 1;
  }
}
