import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './login-limiter.js';

describe('FailureLimiter', () => {
  it('refuses after max failures until the oldest leaves the window; success clears', () => {
    const limiter = new FailureLimiter(3, 1000);
    for (const t of [0, 100, 200]) limiter.fail('k', t);
    expect(limiter.retryAfter('k', 300)).toBe(1);
    expect(limiter.retryAfter('other', 300)).toBe(0);
    expect(limiter.retryAfter('k', 1001)).toBe(0);
    limiter.fail('k', 1002);
    expect(limiter.retryAfter('k', 1003)).toBe(1);
    limiter.reset('k');
    expect(limiter.retryAfter('k', 1003)).toBe(0);
  });

  it('take counts the attempt as it checks the limit: the sixth take is refused at once', () => {
    const limiter = new FailureLimiter(5, 1000);
    const answers = Array.from({ length: 8 }, () => limiter.take('k', 10));
    expect(answers.filter((w) => w === 0)).toHaveLength(5);
    expect(answers.slice(5).every((w) => w > 0)).toBe(true);
  });
});
