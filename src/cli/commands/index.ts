import type { Command } from 'commander';
import { registerValidate } from './validate.ts';
import { registerSchedule } from './schedule.ts';
import { registerInspect } from './inspect.ts';
import { registerRun } from './run.ts';
import { registerMeasure } from './measure.ts';
import { registerTrain } from './train.ts';
import { registerTask } from './task.ts';
import { registerGradcheck } from './gradcheck.ts';
import { registerExport } from './export.ts';
import { registerCompare } from './compare.ts';

/** Every CLI command, registered in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  registerValidate(program);
  registerSchedule(program);
  registerInspect(program);
  registerRun(program);
  registerMeasure(program);
  registerTrain(program);
  registerGradcheck(program);
  registerTask(program);
  registerExport(program);
  registerCompare(program);
}
