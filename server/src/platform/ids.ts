import { v7 as uuidv7 } from 'uuid';

/** Generator of time-ordered ids (UUIDv7), injected so tests can make them predictable. */
export type IdGenerator = { next(): string };

/** UUIDv7: sorts by creation time, so ids double as a stable pagination key. */
export const uuidV7Ids: IdGenerator = { next: () => uuidv7() };
