import { v7 as uuidv7, validate } from 'uuid';

/** Generator of time-ordered ids (UUIDv7), injected so tests can make them predictable. */
export type IdGenerator = { next(): string };

/** UUIDv7: sorts by creation time, so ids double as a stable pagination key. */
export const uuidV7Ids: IdGenerator = { next: () => uuidv7() };

/** Whether text is a UUID, checked before a lookup because PostgreSQL rejects a malformed one outright. */
export const isUuid = (text: string): boolean => validate(text);
