/**
 * Progress of a long command, per phase: a bar on a terminal (cli-progress), and on anything
 * else (logs, CI, pipes) one plain line when a phase starts and one when it ends, so logs stay
 * readable. Written to stderr: stdout carries only the command's result.
 */
import cliProgress from 'cli-progress';

export interface PhaseProgress {
  /** `fraction` 0..1 of the phase when known; `done` items so far. */
  update(phase: string, fraction: number | undefined, done: number): void;
  stop(): void;
}

export function phaseProgress(stream: NodeJS.WriteStream = process.stderr): PhaseProgress {
  const tty = stream.isTTY === true;
  let current: { phase: string; done: number; bar?: cliProgress.SingleBar } | undefined;

  const finish = () => {
    if (!current) return;
    if (current.bar) {
      current.bar.update(100, { done: current.done });
      current.bar.stop();
    } else {
      stream.write(`${current.phase}: ${current.done} done\n`);
    }
    current = undefined;
  };

  return {
    update(phase, fraction, done) {
      if (current?.phase !== phase) {
        finish();
        current = { phase, done };
        if (tty) {
          current.bar = new cliProgress.SingleBar(
            { format: `${phase.padEnd(14)} [{bar}] {percentage}% | {done} items`, stream, hideCursor: true, clearOnComplete: false },
            cliProgress.Presets.shades_classic,
          );
          current.bar.start(100, 0, { done: 0 });
        } else {
          stream.write(`${phase}: started\n`);
        }
      }
      current.done = done;
      current.bar?.update(Math.round((fraction ?? 0) * 100), { done });
    },
    stop: finish,
  };
}

/** A plain text table: a header row, then rows, columns padded to their widest cell. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}
