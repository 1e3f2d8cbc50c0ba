import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskEmail, maskMobile } from './masking.js';

describe('contact masking', () => {
  it('shows the first three and last four digits of a mobile number', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+85291234567')).toBe('+85****4567');
  });

  it('keeps only the first letter of an email’s local part', () => {
    expect(maskEmail('alice@example.com')).toBe('a***@example.com');
    expect(maskEmail('张三@例子.中国')).toBe('张***@例子.中国');
  });

  it('never shows the middle digits of a mainland number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (mobile) => {
        expect(maskMobile(mobile)).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
      }),
    );
  });
});
