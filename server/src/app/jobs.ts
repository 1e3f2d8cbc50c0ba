/** Wires each feature's job handlers into the worker. */
import type { JobWorker } from '../platform/jobs/worker.js';
import type { Ctx } from './context.js';

export function registerJobHandlers(_ctx: Ctx, _worker: JobWorker): void {}
