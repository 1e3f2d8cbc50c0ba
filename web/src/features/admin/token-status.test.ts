import { describe, expect, it } from 'vitest';
import { tokenStatus } from './token-status';

describe('tokenStatus', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  it('is active without expiry or before it', () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(tokenStatus({ revokedAt: null, expiresAt: '2025-07-01T00:00:00Z' }, now)).toBe('active');
  });
  it('is expired from the expiry instant', () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: '2025-06-01T00:00:00Z' }, now)).toBe('expired');
  });
  it('is revoked when revoked, even if also expired', () => {
    expect(tokenStatus({ revokedAt: '2025-05-01T00:00:00Z', expiresAt: '2025-05-02T00:00:00Z' }, now)).toBe('revoked');
  });
});
