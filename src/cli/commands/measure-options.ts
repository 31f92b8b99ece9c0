/**
 * The options of `recurrence measure` as commander hands them over, and the exit code of a usage
 * error; shared by the steps of the command (series, plan, run).
 */

/** Raw option values as commander hands them over (strings; undefined when not given). */
export interface MeasureCliOptions {
  input?: string;
  series?: string;
  source?: string;
  dest?: string;
  measure?: string;
  estimator?: string;
  k?: string;
  tau?: string;
  l?: string;
  delay?: string;
  lag?: string;
  base?: string;
  neighbours?: string;
  normalise?: boolean;
  bins?: string;
  threshold?: string;
  surrogates?: string;
  seed?: string;
  local?: boolean;
  json?: boolean;
  doc?: string;
  steps?: string;
  probe?: string[];
}

/** Exit code of a usage error (a bad flag or combination of flags). */
export const USAGE = 2;
