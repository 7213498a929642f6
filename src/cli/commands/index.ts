import type { Command } from 'commander';
import { register as registerAnalyze } from './analyze.js';
import { register as registerCheck } from './check.js';
import { register as registerEnqueue } from './enqueue.js';
import { register as registerEval } from './eval.js';
import { register as registerExport } from './export.js';
import { register as registerIngest } from './ingest.js';
import { register as registerShow } from './show.js';
import { register as registerActor } from './actor.js';
import { register as registerActors } from './actors.js';
import { register as registerCommitments } from './commitments.js';
import { register as registerQueue } from './queue.js';
import { register as registerQuotes } from './quotes.js';
import { register as registerRecord } from './record.js';
import { register as registerSearch } from './search.js';
import { register as registerServe } from './serve.js';
import { register as registerState } from './state.js';
import { register as registerTimeline } from './timeline.js';
import { register as registerWorker } from './worker.js';

/** A CLI command: a thin shell that parses its arguments and calls the library. */
export type RegisterCommand = (program: Command) => void;

/** Every command, in the order `polity --help` lists them. Add a command here and in its own file. */
export const COMMANDS: RegisterCommand[] = [registerIngest, registerAnalyze, registerShow, registerEval, registerExport,
  registerActor, registerActors, registerTimeline, registerQuotes, registerCommitments, registerState, registerSearch, registerServe, registerEnqueue, registerWorker, registerQueue, registerRecord, registerCheck];
