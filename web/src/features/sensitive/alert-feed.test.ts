import type { SensitiveAlertNotice, ServerFrame } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import {
  ALERTS_FALLBACK_POLL_MS,
  alertOfFrame,
  alertSnippet,
  alertsPollInterval,
  EMPTY_FEED,
  receiveAlert,
} from './alert-feed';

const notice = (id: string): SensitiveAlertNotice => ({
  id,
  ruleId: 'r1',
  ruleName: 'No private payments',
  action: 'block',
  senderId: 'm1',
  senderName: 'Wang',
  conversationId: 'c1',
  createdAt: '2026-03-01T09:00:00.000Z',
});

describe('the live alert feed', () => {
  it('takes the alert out of an alert frame and ignores every other frame', () => {
    expect(alertOfFrame({ type: 'alert', alert: notice('a1') })).toEqual(notice('a1'));
    const others: ServerFrame[] = [
      { type: 'ready', memberId: 'm1' },
      { type: 'pong' },
      { type: 'presence', memberId: 'm2', online: true },
    ];
    expect(others.map(alertOfFrame)).toEqual([null, null, null]);
  });

  it('announces each alert once, however often it arrives', () => {
    const first = receiveAlert(EMPTY_FEED, notice('a1'));
    expect(first.fresh).toBe(true);
    const again = receiveAlert(first.state, notice('a1'));
    expect(again.fresh).toBe(false);
    expect(again.state).toBe(first.state);
    expect(receiveAlert(again.state, notice('a2')).fresh).toBe(true);
  });

  it('remembers only the latest 200 alerts', () => {
    let state = EMPTY_FEED;
    for (let i = 0; i < 250; i++) state = receiveAlert(state, notice(`a${i}`)).state;
    expect(state.seen.length).toBe(200);
    expect(state.seen[0]).toBe('a50');
    expect(receiveAlert(state, notice('a0')).fresh).toBe(true);
  });

  it('polls only while the socket is down', () => {
    expect(alertsPollInterval(true)).toBe(false);
    expect(alertsPollInterval(false)).toBe(ALERTS_FALLBACK_POLL_MS);
  });
});

describe('the excerpt a notification shows', () => {
  it('keeps a short text whole', () => {
    expect(alertSnippet('加我微信', [{ start: 0, end: 4 }])).toEqual({
      text: '加我微信',
      hits: [{ start: 0, end: 4 }],
    });
  });

  it('cuts a long text around the first hit and moves the hit with it', () => {
    const text = `${'a'.repeat(100)}HIT${'b'.repeat(100)}`;
    const out = alertSnippet(text, [{ start: 100, end: 103 }], 20);
    expect(out.text).toBe(`…${'a'.repeat(5)}HIT${'b'.repeat(12)}…`);
    expect(out.text.slice(out.hits[0]?.start, out.hits[0]?.end)).toBe('HIT');
  });

  it('drops hits outside the excerpt and clips one across its end', () => {
    const text = 'x'.repeat(30);
    const out = alertSnippet(
      text,
      [
        { start: 0, end: 2 },
        { start: 8, end: 14 },
        { start: 25, end: 28 },
      ],
      10,
    );
    expect(out.text).toBe(`${'x'.repeat(10)}…`);
    expect(out.hits).toEqual([
      { start: 0, end: 2 },
      { start: 8, end: 10 },
    ]);
  });

  it('ends a hit near the end of the text without running past it', () => {
    const text = `${'a'.repeat(50)}HIT`;
    const out = alertSnippet(text, [{ start: 50, end: 53 }], 20);
    expect(out.text).toBe(`…${'a'.repeat(17)}HIT`);
    expect(out.text.slice(out.hits[0]?.start, out.hits[0]?.end)).toBe('HIT');
  });
});
