/**
 * The refresh's hold on the tables: a lease much shorter than the function's
 * timeout, renewed in the background while the refresh works, and a deadline
 * taken from the invocation's remaining time. A refresh killed at any point
 * leaves a lease that lapses within LEASE_MS (shared/constants.ts); one that
 * runs out of time stops writing first and fails with RefreshOutOfTimeError, so
 * the platform retries within minutes and the retry resumes the version it was
 * building.
 */
import type { DataSources } from '../data/client.js';
import { acquireRefreshLock, releaseRefreshLock, renewRefreshLock } from '../data/refresh-store.js';
import { LeaseLostError, RefreshOutOfTimeError } from '../shared/errors.js';

/** Writing stops when less than this is left of the invocation: a batch, the search index upload and the publication fit in it. */
export const DEADLINE_RESERVE_MS = 30_000;

export interface LeaseOptions {
  owner: string;
  leaseMs: number;
  now: () => number;
  /** The invocation's remaining time (Lambda's getRemainingTimeInMillis); no deadline without it. */
  remainingMs?: () => number;
  reserveMs: number;
}

export class Lease {
  private timer: NodeJS.Timeout | undefined;
  private lost: Error | undefined;
  private renewedAt = 0;

  constructor(
    private readonly ds: DataSources,
    private readonly options: LeaseOptions,
  ) {}

  async acquire(): Promise<void> {
    const { owner, leaseMs, now } = this.options;
    const at = now();
    await acquireRefreshLock(this.ds, owner, leaseMs, at);
    this.renewedAt = at;
    this.timer = setInterval(() => void this.renew(), Math.max(1, Math.floor(leaseMs / 3)));
    // The renewal must never keep a finished process alive.
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    if (this.lost !== undefined) return;
    const { owner, leaseMs, now } = this.options;
    const at = now();
    try {
      await renewRefreshLock(this.ds, owner, leaseMs, at);
      this.renewedAt = at;
    } catch (error) {
      // A failed renewal is retried at the next tick or check, unless the lease is gone.
      if (error instanceof LeaseLostError) this.lost = error;
      else if (this.options.now() - this.renewedAt >= this.options.leaseMs) this.lost = error as Error;
    }
  }

  /**
   * Throws when the lease is no longer ours, or the deadline is near: called
   * before every write and before publishing. It renews the lease itself when
   * the timer could not (a long synchronous build blocks it): the lease is ours
   * while the item names us, whether or not it lapsed meanwhile.
   */
  async check(progress: () => string): Promise<void> {
    if (this.options.now() - this.renewedAt >= this.options.leaseMs / 3) await this.renew();
    if (this.lost !== undefined) throw this.lost;
    const remaining = this.options.remainingMs?.();
    if (remaining !== undefined && remaining < this.options.reserveMs)
      throw new RefreshOutOfTimeError(remaining, progress());
  }

  /** Whether there is still time to go on with optional work (retention), without failing. */
  hasTime(): boolean {
    const remaining = this.options.remainingMs?.();
    return this.lost === undefined && (remaining === undefined || remaining >= this.options.reserveMs);
  }

  async release(): Promise<void> {
    clearInterval(this.timer);
    await releaseRefreshLock(this.ds, this.options.owner);
  }
}
