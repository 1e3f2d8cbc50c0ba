import { describe, expect, it } from 'vitest';
import { auditQuery, auditSearchParams } from './audit-query';

describe('auditQuery', () => {
  it('is empty without filters', () => {
    expect(auditQuery({})).toEqual({});
    expect(auditQuery({ actorId: '', action: '  ', targetId: undefined, range: null })).toEqual({});
  });

  it('keeps set filters and turns the range into ISO instants', () => {
    const from = new Date('2025-01-01T00:00:00.000Z');
    const to = new Date('2025-01-31T23:59:59.999Z');
    expect(auditQuery({ actorId: 'm1', action: 'role.created', targetId: ' r1 ', range: [from, to] })).toEqual({
      actorId: 'm1',
      action: 'role.created',
      targetId: 'r1',
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-01-31T23:59:59.999Z',
    });
  });

  it('allows an open-ended range', () => {
    expect(auditQuery({ range: [new Date('2025-03-01T00:00:00Z'), null] })).toEqual({
      from: '2025-03-01T00:00:00.000Z',
    });
  });
});

describe('auditSearchParams', () => {
  it('encodes the query for the export URL', () => {
    expect(auditSearchParams({ action: 'auth.login', from: '2025-01-01T00:00:00.000Z' })).toBe(
      'action=auth.login&from=2025-01-01T00%3A00%3A00.000Z',
    );
    expect(auditSearchParams({})).toBe('');
  });
});
