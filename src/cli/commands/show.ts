import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { Document } from '../../document/document.js';
import { databaseExists, openStore, resolveDbPath } from '../../store/index.js';
import { analyzeInputs } from '../analyze-inputs.js';
import { EXIT } from '../exit-codes.js';
import { colorOption, dbOption, noColorOption, publishedOption, useColor } from '../options.js';
import { renderDocument } from '../render-annotations.js';
import { oneLine } from '../../document/printable.js';

/** The reason `show` could not find its document, for stderr. */
class DocumentNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentNotFoundError';
  }
}

async function findDocuments(target: string, opts: { db?: string; published?: string }): Promise<{ docs: Document[]; failures: string[]; notices: string[] }> {
  if (existsSync(target) || /^https?:\/\//iu.test(target)) return analyzeInputs([target], opts.published ? { published: opts.published } : {});
  const path = resolveDbPath(opts.db);
  // Opening would create an empty database; a missing one means nothing was ingested there.
  if (!databaseExists(path)) throw new DocumentNotFoundError(`no file ${target}, and no database ${path} to look it up in (run polity ingest first)`);
  const store = openStore(path);
  try {
    const doc = store.getDocument(target);
    if (!doc) throw new DocumentNotFoundError(`no file ${target}, and no article in ${path} whose id starts with ${target}`);
    return { docs: [doc], failures: [], notices: [] };
  } finally {
    store.close();
  }
}

/** `polity show DOC [--db FILE] [--color]`: one article with its annotations marked. */
export function register(program: Command): void {
  program
    .command('show')
    .description('Print an article with its annotations marked in the text, then its actors, roles, statements, events and commitments with their evidence.')
    .argument('<doc>', 'a stored article id (or a unique prefix of one), or a file or URL to analyse on the fly')
    .addOption(dbOption())
    .addOption(publishedOption())
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (target: string, opts: { db?: string; published?: string; color?: boolean }) => {
      let found: { docs: Document[]; failures: string[]; notices: string[] };
      try {
        found = await findDocuments(target, opts);
      } catch (err) {
        if (!(err instanceof DocumentNotFoundError)) throw err;
        process.stderr.write(`polity: ${oneLine(err.message)}\n`);
        process.exitCode = EXIT.FAILED;
        return;
      }
      for (const n of found.notices) process.stderr.write(`polity: ${oneLine(n)}\n`);
      for (const f of found.failures) process.stderr.write(`polity: ${oneLine(f)}\n`);
      const style = { color: useColor(opts.color) };
      if (found.docs.length > 0) process.stdout.write(`${found.docs.map((d) => renderDocument(d, style)).join('\n\n')}\n`);
      process.exitCode = found.failures.length > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    });
}
