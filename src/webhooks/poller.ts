/**
 * Runs a unit of background work now and then: again at once while it reports more to do, then
 * after `intervalMs`, or sooner when woken. Never two runs at once; stop() waits for the current one.
 */
export class Poller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private wokenWhileRunning = false;

  constructor(
    private readonly work: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.wokenWhileRunning = false;
        while (!this.stopped && (await this.work()));
      } while (this.wokenWhileRunning && !this.stopped);
    } catch (err) {
      this.onError(err);
    } finally {
      this.running = undefined;
      if (!this.stopped) {
        this.timer = setTimeout(() => this.wake(), this.intervalMs);
        this.timer.unref();
      }
    }
  }
}
