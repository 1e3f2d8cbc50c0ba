/** HTTP adapter for customer transfers (在职继承) and the transfer limits. */
import type { Ctx } from '../../../app/context.js';
import type { App } from '../../../http/app-type.js';
import { actorOf } from '../../../http/auth.js';
import { errorResponses, IdParams } from '../../../http/schema-helpers.js';
import { declineTransfer } from './decline-transfer.js';
import { guestTransferRoutes } from './guest-transfer-routes.js';
import { transferCustomers } from './transfer-customers.js';
import { listTransfers, transferById, transfersOfBatch } from './transfer-reads.js';
import {
  ListTransfersQuery,
  SaveTransferSettingsBody,
  Transfer,
  TransferBatch,
  TransferCustomersBody,
  TransferPage,
  TransferSettings,
} from './transfer-schemas.js';
import { getTransferSettings, saveTransferSettings } from './transfer-settings.js';

const tags = ['customer transfers'];

export function transferRoutes(app: App, ctx: Ctx): void {
  guestTransferRoutes(app, ctx);
  app.post(
    '/api/v1/customers/transfer',
    {
      schema: {
        tags,
        summary:
          'On-the-job transfer (在职继承): move customers to another member (customer.view reaching every owner and the receiver). Each customer is told and may decline within 24 hours; then the receiver takes over. Refused per customer past the receiver’s limit; 409 transfer_limit past the org’s transfers per window, 409 transfer_pending while one waits; audited',
        body: TransferCustomersBody,
        response: { 200: TransferBatch, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const batchId = await transferCustomers(ctx, actor, req.body);
      const items = await transfersOfBatch(ctx, actor.orgId, batchId);
      return {
        batchId,
        items,
        counts: {
          waiting: items.filter((t) => t.status === 'waiting').length,
          refused: items.filter((t) => t.status === 'refused').length,
        },
      };
    },
  );

  app.get(
    '/api/v1/customer-transfers',
    {
      schema: {
        tags,
        summary:
          'Transfers from or to members in your customer.view reach (and your own), newest first, filtered by status, kind, customer, member or request',
        querystring: ListTransfersQuery,
        response: { 200: TransferPage, ...errorResponses },
      },
    },
    async (req) => listTransfers(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/v1/customer-transfers/:id/decline',
    {
      schema: {
        tags,
        summary:
          'Record that the customer declined a waiting transfer within 24 hours (they stay with their owner), on their behalf, by someone whose customer.view reaches the owner; customers decline themselves from their chat; audited',
        params: IdParams,
        response: { 200: Transfer, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await declineTransfer(ctx, actor, req.params.id);
      return transferById(ctx, actor.orgId, req.params.id);
    },
  );

  app.get(
    '/api/v1/customer-settings',
    {
      schema: {
        tags,
        summary: 'The org’s transfer limits: transfers per customer in a window of days, customers per member',
        response: { 200: TransferSettings, ...errorResponses },
      },
    },
    async (req) => getTransferSettings(ctx, actorOf(req)),
  );

  app.put(
    '/api/v1/customer-settings',
    {
      schema: {
        tags,
        summary: 'Change the transfer limits (customer.manage); fields left out stay; audited',
        body: SaveTransferSettingsBody,
        response: { 200: TransferSettings, ...errorResponses },
      },
    },
    async (req) => saveTransferSettings(ctx, actorOf(req), req.body),
  );
}
