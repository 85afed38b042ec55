import type { Command } from './command.ts';
import { importCommand } from './import.ts';
import { profileCommand } from './profile.ts';

/** Every `credence` command; --help is generated from this list. */
export const commands: Command[] = [profileCommand, importCommand];
