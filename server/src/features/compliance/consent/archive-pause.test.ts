import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declineSpans } from './archive-pause.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 1, minute)).toISOString();
const paused = (spans: ReturnType<typeof declineSpans>, time: string) =>
  spans.some((s) => time >= s.from && (s.until === null || time < s.until));

describe('the spans a decline keeps out of the archive', () => {
  it('runs from a decline to the next agreement, and stays open while still declined', () => {
    const spans = declineSpans([
      { subjectId: 'a', status: 'agreed', at: at(1) },
      { subjectId: 'a', status: 'declined', at: at(2) },
      { subjectId: 'b', status: 'declined', at: at(3) },
      { subjectId: 'a', status: 'declined', at: at(4) },
      { subjectId: 'a', status: 'agreed', at: at(5) },
    ]);
    expect(spans).toEqual([
      { from: at(2), until: at(5) },
      { from: at(3), until: null },
    ]);
    expect(paused(spans, at(1))).toBe(false);
    expect(paused(spans, at(2))).toBe(true);
    expect(paused(spans, at(9))).toBe(true);
  });

  it('pauses a moment exactly when some participant’s latest answer by then is a decline', () => {
    const history = fc.array(
      fc.record({
        subjectId: fc.constantFrom('a', 'b', 'c'),
        status: fc.constantFrom('agreed', 'declined'),
        minute: fc.integer({ min: 0, max: 50 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 55 }), (raw, probe) => {
        const sorted = [...raw].sort((x, y) => x.minute - y.minute);
        const rows = sorted.map((r) => ({ subjectId: r.subjectId, status: r.status, at: at(r.minute) }));
        const latest = new Map<string, string>();
        for (const r of rows) if (r.at <= at(probe)) latest.set(r.subjectId, r.status);
        const expected = [...latest.values()].includes('declined');
        expect(paused(declineSpans(rows), at(probe))).toBe(expected);
      }),
    );
  });
});
