import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './content-disposition';

describe('filenameFromDisposition', () => {
  const fallback = 'audit.csv';
  it('reads a quoted filename', () => {
    expect(filenameFromDisposition('attachment; filename="audit-2025-01-01.csv"', fallback)).toBe(
      'audit-2025-01-01.csv',
    );
  });
  it('reads a bare filename', () => {
    expect(filenameFromDisposition('attachment; filename=audit.csv; size=10', fallback)).toBe('audit.csv');
  });
  it('prefers the UTF-8 filename*', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="audit.csv"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97.csv`,
        fallback,
      ),
    ).toBe('审计日志.csv');
  });
  it('falls back without a header or filename', () => {
    expect(filenameFromDisposition(null, fallback)).toBe(fallback);
    expect(filenameFromDisposition('attachment', fallback)).toBe(fallback);
    expect(filenameFromDisposition('attachment; filename=""', fallback)).toBe(fallback);
  });
  it('strips directories', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', fallback)).toBe('passwd');
  });
  it('survives a broken percent-encoding', () => {
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''%E5%ZZ; filename="a.csv"`, fallback)).toBe('a.csv');
  });
});
