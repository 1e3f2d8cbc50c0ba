import { describe, expect, it } from 'vitest';
import { isBankCardNumber, isResidentIdNumber, passesLuhn, residentIdCheckChar } from './checksums.js';

describe('check digits', () => {
  it('checks Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });

  it('takes a card number only from a known issuer', () => {
    expect(isBankCardNumber('6222021234567894')).toBe(true);
    expect(isBankCardNumber('2024031512345678903')).toBe(false);
    expect(isBankCardNumber('622202123456789')).toBe(false);
  });

  it('computes the MOD 11-2 check character of a resident ID', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('x');
    expect(residentIdCheckChar('44030519900307123')).toBe('6');
  });

  it('takes an ID number only with a province, a real birth date and its check character', () => {
    expect(isResidentIdNumber('440305199003071236')).toBe(true);
    expect(isResidentIdNumber('440305199003071235')).toBe(false);
    expect(isResidentIdNumber('990305199003071236')).toBe(false);
    expect(isResidentIdNumber(`51010820010229001${residentIdCheckChar('51010820010229001')}`)).toBe(false);
  });
});
