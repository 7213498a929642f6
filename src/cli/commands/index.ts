import type { Command } from 'commander';

/** A CLI command: a thin shell that parses its arguments and calls the library. */
export type RegisterCommand = (program: Command) => void;

/** Every command, in the order `polity --help` lists them. Add a command here and in its own file. */
export const COMMANDS: RegisterCommand[] = [];
