/**
 * The one error type of the archive core. These building blocks know nothing of HTTP or
 * DomainError: the archive feature built on them decides how each code reaches a user.
 */

export type ArchiveCoreErrorCode =
  /** An argument breaks the function's contract (a bad size, index or field). */
  | 'invalid_input'
  /** A key in configuration cannot be used (wrong length, wrong type, not parseable). */
  | 'bad_key'
  /** Text or bytes that should follow a documented format do not. */
  | 'malformed'
  /** No signature by the expected key, or a signature that does not verify. */
  | 'bad_signature'
  /** An envelope names a key the keyring does not hold. */
  | 'unknown_key'
  /** Authenticated decryption failed: the ciphertext, its binding or its key id was changed. */
  | 'tampered'
  /** A proof or a chain does not lead to the claimed root. */
  | 'not_verified';

export class ArchiveCoreError extends Error {
  constructor(
    readonly code: ArchiveCoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveCoreError';
  }
}
