/** Check-digit rules that tell a real card or ID number from any other run of digits. */

/** Luhn (mod 10) check over a string of ASCII digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

// Issuers a card number may start with: UnionPay 62/60/65, Visa 4, Mastercard 51–55 and
// 2221–2720, American Express 34/37, JCB 35. An order number starting 1, 2, 7, 8 or 9 is not a card.
function plausibleIssuer(digits: string): boolean {
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  return (
    digits[0] === '4' ||
    two === 62 ||
    two === 60 ||
    two === 65 ||
    (two >= 51 && two <= 55) ||
    (four >= 2221 && four <= 2720) ||
    two === 34 ||
    two === 37 ||
    two === 35
  );
}

/** A bank card number: 13–19 digits, a known issuer prefix and a valid Luhn check digit. */
export function isBankCardNumber(digits: string): boolean {
  return /^\d{13,19}$/.test(digits) && plausibleIssuer(digits) && passesLuhn(digits);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10x98765432';
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83, 91,
]);

/** The ISO 7064 MOD 11-2 check character of the first 17 digits ('x' for 10). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A mainland resident ID number (lower-case x): 18 characters, a province code, a real birth date
 * between 1900 and 2099 and the MOD 11-2 check character.
 */
export function isResidentIdNumber(id: string): boolean {
  if (!/^\d{17}[\dx]$/.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  if (!isCalendarDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  return residentIdCheckChar(id) === id[17];
}
