/**
 * Password hashing (argon2id) and the policy for new passwords: at least 8 characters and not
 * among the most common passwords (the list ships with the product, from zxcvbn's dictionary).
 */
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { invalid } from '../../platform/errors.js';

export type HashCost = { memoryCost: number; timeCost: number };

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  if (!common) common = new Set((dictionary.passwords as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** True when the password is on the shipped list of common passwords. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** Throws `invalid` with a reason when a new password is too weak. */
export function assertAcceptablePassword(password: string, personal: readonly (string | null)[] = []): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid(`The password must have at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: 'password',
      reason: 'too_short',
    });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw invalid(`The password must have at most ${MAX_PASSWORD_LENGTH} characters`, {
      field: 'password',
      reason: 'too_long',
    });
  }
  if (isCommonPassword(password)) {
    throw invalid('This password is among the most common passwords; choose another', {
      field: 'password',
      reason: 'common',
    });
  }
  const lower = password.toLowerCase();
  if (personal.some((p) => p && p.length >= 4 && lower.includes(p.toLowerCase()))) {
    throw invalid('The password must not contain your email or mobile number', {
      field: 'password',
      reason: 'personal',
    });
  }
}

/** argon2id hash in PHC string form. */
export function hashPassword(password: string, cost: HashCost): Promise<string> {
  return hash(password, { memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
