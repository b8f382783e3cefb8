/**
 * Side-by-side timing. The machines this runs on are shared and noisy, so a figure is never one run: each
 * comparison runs all its sides in the same process, back to back, in an order that rotates every round
 * (A B, B A, ... or A B C, B C A, C A B, ...) so that drift and a neighbour's load hit every side alike, and
 * reports medians and the median of the per-round ratios.
 */

/** How many rounds to run: the warm-ups are run and thrown away. */
export interface Rounds {
  readonly warmups: number;
  readonly runs: number;
}

/** One side's timings, in milliseconds. */
export interface Timing {
  /** Median of the measured runs. */
  readonly medianMs: number;
  /** Every measured run, in order (warm-ups left out). */
  readonly samplesMs: readonly number[];
}

/** A comparison of `subject` against `baseline`. */
export interface Comparison {
  readonly subject: Timing;
  readonly baseline: Timing;
  /**
   * Median over the rounds of subject / baseline, each pair measured in the same round; NaN (null in JSON) when
   * a baseline measured 0, below its clock's resolution.
   */
  readonly ratio: number;
}

/** What one run of a side measured, in milliseconds, by metric (e.g. `{ wallMs, cpuMs }`). */
export type Sample<M extends string> = Readonly<Record<M, number>>;

export function checkRounds(rounds: Rounds): void {
  if (!Number.isInteger(rounds.runs) || rounds.runs < 1) {
    throw new Error(`runs must be a whole number of 1 or more, got ${rounds.runs}`);
  }
  if (!Number.isInteger(rounds.warmups) || rounds.warmups < 0) {
    throw new Error(`warmups must be a whole number of 0 or more, got ${rounds.warmups}`);
  }
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time of one call, in milliseconds (high resolution). */
export async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function timing(samplesMs: readonly number[]): Timing {
  return { medianMs: median(samplesMs), samplesMs };
}

/** Compares two series measured round by round (the i-th of each in the same round). */
export function compare(subjectMs: readonly number[], baselineMs: readonly number[]): Comparison {
  const ratio = baselineMs.every((b) => b > 0)
    ? median(subjectMs.map((s, i) => s / baselineMs[i]))
    : Number.NaN;
  return { subject: timing(subjectMs), baseline: timing(baselineMs), ratio };
}

/**
 * Runs every side once per round, the order rotating from round to round, and returns each side's samples of
 * the measured rounds. Each side measures itself, so it can time just the part that matters (e.g. the RPC, not
 * building its request).
 */
export async function runSideBySide<S extends string, M extends string>(
  rounds: Rounds,
  sides: Readonly<Record<S, () => Promise<Sample<M>>>>,
): Promise<Record<S, Sample<M>[]>> {
  checkRounds(rounds);
  const names = Object.keys(sides) as S[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as Sample<M>[]])) as Record<
    S,
    Sample<M>[]
  >;
  for (let round = 0; round < rounds.warmups + rounds.runs; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      const sample = await sides[name]();
      if (round >= rounds.warmups) samples[name].push(sample);
    }
  }
  return samples;
}

/** One metric of one side, round by round. */
export function series<M extends string>(samples: readonly Sample<M>[], metric: M): number[] {
  return samples.map((sample) => sample[metric]);
}

/**
 * Times `subject` and `baseline` in alternating order, round after round. Each side returns its own duration in
 * milliseconds.
 */
export async function compareSideBySide(
  rounds: Rounds,
  subject: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<Comparison> {
  const samples = await runSideBySide(rounds, {
    subject: async () => ({ ms: await subject() }),
    baseline: async () => ({ ms: await baseline() }),
  });
  return compare(series(samples.subject, "ms"), series(samples.baseline, "ms"));
}
