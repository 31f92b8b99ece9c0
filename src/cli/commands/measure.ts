/**
 * `recurrence measure` — information-dynamics measures of recorded series from the command line:
 * entropy, mutual information, entropy rate, active information storage and transfer entropy, with
 * the discrete (bits), Gaussian (nats) or KSG (nats) estimator from src/measures.
 *
 * The command in steps, one module each: reading the series (measure-series.ts, measure-doc.ts),
 * planning from the flags (measure-plan.ts), running the measure (measure-run.ts) and formatting
 * (measure-format.ts). This module registers the command and its flags.
 */
import type { Command } from 'commander';
import { MEASURES } from '../../measures/index.ts';
import { formatMeasure } from './measure-format.ts';
import type { MeasureCliOptions } from './measure-options.ts';
import { runMeasure } from './measure-run.ts';

export function registerMeasure(program: Command): void {
  program
    .command('measure')
    .description('entropy, mutual information, entropy rate, active information storage or transfer entropy of recorded series')
    .option('--input <FILE>', 'CSV with a header row (one column per series) or JSON {"NAME": [numbers], …}')
    .option('--doc <GRAPH>', 'or simulate this graph document and measure probed units (with --steps, --probe; --seed seeds the run and the surrogates)')
    .option('--steps <N>', 'with --doc: steps to simulate')
    .option('--probe <ID[i]>', 'with --doc: a unit to record (ID[i] or ID.VAR[i]), named by this text; repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .option('--series <NAME>', 'the series (entropy, entropy-rate, ais)')
    .option('--source <NAME>', 'the source series (mi, te)')
    .option('--dest <NAME>', 'the destination series (mi, te)')
    .option('--measure <M>', `one of ${MEASURES.join(', ')}`)
    .option('--estimator <E>', 'discrete (plug-in, bits), gaussian (nats) or ksg (Kraskov algorithm 1, nats)')
    .option('--k <K>', 'history length of the (destination) series for ais, entropy-rate, te (default 1)')
    .option('--tau <T>', 'embedding delay of that history (default 1)')
    .option('--l <L>', 'source history length for te (default 1)')
    .option('--delay <D>', 'source-target delay for te: the newest source sample is src[t-D] (default 1)')
    .option('--lag <D>', 'source-target lag for mi: pairs src[i] with dst[i+D] (default 0)')
    .option('--base <B>', 'discrete: alphabet size, data are integers 0..B-1 (default 2, or B of --bins)')
    .option('--neighbours <K>', 'ksg: number of nearest neighbours (default 4)')
    .option('--normalise', 'ksg: normalise each embedded column to mean 0, std 1 (n-1) first; off by default here, but JIDT\'s KSG normalises by default')
    .option('--bins <B>', 'discrete: discretise each series into B equal-width bins over its range')
    .option('--threshold <V|median>', 'discrete: binarise each series, 1 where value > V (or > its median)')
    .option('--surrogates <N>', 'permutation test with N shuffles of the source (mi, ais, te); reports p')
    .option('--seed <S>', 'seed of the surrogate shuffles (default 1)')
    .option('--local', 'also output the local value of every sample (padded with zeros before the first full history)')
    .option('--json', 'print JSON: {measure, estimator, units, input, params, samples, average, locals?, p?, surrogates?}')
    .addHelpText(
      'after',
      [
        '',
        'Units: bits for --estimator discrete (log2), nats for gaussian and ksg (ln).',
        'Estimators match JIDT 1.6.1 (Lizier): discrete plug-in, Gaussian with n-1 covariance, KSG algorithm 1',
        '(max norm, strict counts, no noise). ksg entropy is Kozachenko-Leonenko; ksg entropy-rate is H_KL(next) - AIS_KSG.',
        '',
        'Examples:',
        '  recurrence measure --input run.csv --series n3 --measure ais --estimator ksg --k 2',
        '  recurrence measure --input run.json --source a --dest b --measure te --estimator discrete --threshold median --surrogates 100 --seed 7 --json',
      ].join('\n'),
    )
    .action((opts: MeasureCliOptions) => {
      const out = runMeasure(opts);
      process.stdout.write(opts.json === true ? `${JSON.stringify(out)}\n` : formatMeasure(out));
    });
}
