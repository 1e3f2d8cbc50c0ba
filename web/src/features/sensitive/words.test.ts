import { describe, expect, it } from 'vitest';
import { firstTooLong, highlightSegments, mergeWords, wordsFromFile, wordsFromText } from './words';

describe('lexicon words in the console', () => {
  it('takes one word per line from the textarea, trimmed, without blank lines', () => {
    expect(wordsFromText(' 私下转账 \r\n\n加我微信\n   \n')).toEqual(['私下转账', '加我微信']);
  });

  it('reads a TXT file line by line and a CSV file by its first column, skipping a header', () => {
    expect(wordsFromFile('words.txt', '\uFEFF私下转账\r\n加我微信\r\n')).toEqual(['私下转账', '加我微信']);
    expect(wordsFromFile('words.csv', '敏感词,分类\n私下转账,私下交易\n"加我,微信",引流\n"说""好的""",x\n')).toEqual([
      '私下转账',
      '加我,微信',
      '说"好的"',
    ]);
    expect(wordsFromFile('list.CSV', '返现\n红包\n')).toEqual(['返现', '红包']);
  });

  it('adds imported words after the existing ones, once each', () => {
    expect(mergeWords(['甲', '乙'], ['乙', '丙', '丙'])).toEqual(['甲', '乙', '丙']);
  });

  it('finds the first over-long word by its line', () => {
    expect(firstTooLong(['短', '长'.repeat(51)], 50)).toBe(2);
    expect(firstTooLong(['长'.repeat(50)], 50)).toBeNull();
  });

  it('cuts a text into plain and highlighted parts, merging overlapping hits', () => {
    expect(
      highlightSegments('加我微信，私下转账', [
        { start: 0, end: 4 },
        { start: 2, end: 4 },
        { start: 5, end: 9 },
      ]),
    ).toEqual([
      { text: '加我微信', hit: true },
      { text: '，', hit: false },
      { text: '私下转账', hit: true },
    ]);
    expect(highlightSegments('你好', [])).toEqual([{ text: '你好', hit: false }]);
  });
});
