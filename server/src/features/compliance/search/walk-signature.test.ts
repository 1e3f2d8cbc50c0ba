import { describe, expect, it } from 'vitest';
import { indexTokens, queryTokens, toFtsDocument } from '../search-core/tokenize.js';
import { docSignature, SIGNATURE_BITS, walkSignature } from './walk-signature.js';

const bits = (signature: string) => BigInt(`0x${signature.slice(1)}`);
/** Whether every bit of the query's signature is set in the doc's: the walk's test. */
const mayHold = (doc: string, query: string) => (bits(doc) & bits(query)) === bits(query);

describe('walk signatures', () => {
  it('are PostgreSQL hex bit strings of 512 bits, three bits per token', () => {
    const empty = walkSignature([]);
    expect(empty).toMatch(/^x[0-9a-f]{128}$/);
    expect(bits(empty)).toBe(0n);
    expect(SIGNATURE_BITS).toBe(512);
    const one = bits(walkSignature(['客户']))
      .toString(2)
      .replace(/0/g, '');
    expect(one.length).toBeGreaterThanOrEqual(1);
    expect(one.length).toBeLessThanOrEqual(3);
    expect(walkSignature(['客户', '报价'])).toBe(walkSignature(['报价', '客户', '客户']));
  });

  it("let through every doc holding all of a query's tokens", () => {
    const texts = ['新款iPhone15报价发给客户了', '明天下午开会讨论合同', 'Q3 目标 contract signed', '好的，收到'];
    for (const text of texts) {
      const doc = docSignature(toFtsDocument(indexTokens(text)));
      for (const q of ['客户', '合同', 'iphone', '报价', '明天下午开会', 'q3', 'contract', '好', '收到']) {
        const query = queryTokens(q);
        if (query.tokens.every((t) => indexTokens(text).includes(t))) {
          expect(mayHold(doc, walkSignature(query.tokens)), `${text} / ${q}`).toBe(true);
        }
      }
    }
  });

  it('stop most docs without them', () => {
    const doc = docSignature(toFtsDocument(indexTokens('明天下午开会讨论合同，请尽快确认')));
    const absent = ['客户', '报价', 'iphone', '质检', '竞业', '发货', '退款', '微信', '转账', '加急'];
    const passed = absent.filter((q) => mayHold(doc, walkSignature(queryTokens(q).tokens)));
    expect(passed.length).toBeLessThanOrEqual(1);
  });
});
