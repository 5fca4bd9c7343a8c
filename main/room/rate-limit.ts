/**
 * Token buckets, one per key: `capacity` actions at once, then `perSecond` more each second.
 * A burst the room makes legitimately (ten notes typed before the Wi-Fi came back) fits the
 * capacity; a flood runs the bucket dry and is refused until it refills.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private refilled(key: string, now: number) {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** Whether the key's bucket holds `cost`, taking nothing. */
  allows(key: string, cost = 1): boolean {
    return this.refilled(key, this.now()).tokens >= cost;
  }

  /** Takes `cost` from the key's bucket; false (and nothing taken) when it has too little. */
  take(key: string, cost = 1): boolean {
    const now = this.now();
    const bucket = this.refilled(key, now);
    if (bucket.tokens < cost) return false;
    bucket.tokens -= cost;
    // Full buckets carry no information: drop them so the map does not grow with every caller.
    if (this.buckets.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(key);
    }
  }

  clear(): void {
    this.buckets.clear();
  }
}
