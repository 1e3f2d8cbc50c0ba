/** HTTP adapter for customer mass messages (群发助手): schema → one command or read → presenter. */
import type { Ctx } from '../../app/context.js';
import type { App } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schema-helpers.js';
import { invalid } from '../../platform/errors.js';
import { confirmPart } from './commands/confirm-part.js';
import { createMassMessage, submitDraft, updateDraft } from './commands/create-mass-message.js';
import { cancelMassMessage, decideMassMessage } from './commands/decide-mass-message.js';
import { getMassMessage, listMassMessages } from './reads.js';
import {
  CreateMassMessageBody,
  DraftBody,
  ListMassMessagesQuery,
  MassMessageDetail,
  MassMessageList,
  Preview,
  PreviewBody,
  RejectBody,
  Settings,
  SettingsBody,
  Upload,
} from './schemas.js';
import { readSettings, updateSettings } from './settings.js';
import { previewTargets } from './targeting.js';
import { uploadMassMessageFile } from './uploads.js';

const tags = ['mass messages'];
const refusals = { ...errorResponses, 422: errorResponses[409] };

export function massMessageRoutes(app: App, ctx: Ctx): void {
  app.post(
    '/api/v1/mass-messages/uploads',
    {
      schema: {
        tags,
        summary:
          'Upload the image or file of a mass message (multipart field "file", at most CONCORD_ATTACHMENT_LIMIT bytes); use its id as attachment.attachmentId (mass_message.send)',
        consumes: ['multipart/form-data'],
        body: {
          content: {
            'multipart/form-data': {
              schema: { properties: { file: { type: 'string', contentEncoding: 'binary' } }, required: ['file'] },
            },
          },
        },
        response: { 200: Upload, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (req) =>
      uploadMassMessageFile(ctx, actorOf(req), async (maxBytes) => {
        if (!req.isMultipart()) throw invalid('Upload the file as multipart/form-data in the field "file"');
        return req.file({ limits: { fileSize: maxBytes } });
      }),
  );

  app.get(
    '/api/v1/mass-messages/settings',
    {
      schema: {
        tags,
        summary: 'The org’s mass-message rules: frequency cap per customer, approval, owners’ confirmation',
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (req) => readSettings(ctx.db, actorOf(req).orgId),
  );

  app.put(
    '/api/v1/mass-messages/settings',
    {
      schema: {
        tags,
        summary: 'Change the mass-message rules (mass_message.manage; audited)',
        body: SettingsBody,
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (req) => updateSettings(ctx, actorOf(req), req.body),
  );

  app.post(
    '/api/v1/mass-messages/preview',
    {
      schema: {
        tags,
        summary: 'How many of the customers you may see the filter reaches, in all and per owner',
        body: PreviewBody,
        response: { 200: Preview, ...refusals },
      },
    },
    async (req) => previewTargets(ctx, actorOf(req), req.body.filter),
  );

  app.get(
    '/api/v1/mass-messages',
    {
      schema: {
        tags,
        summary: 'Mass messages with their totals (recipients, sent, read, failed), newest first',
        querystring: ListMassMessagesQuery,
        response: { 200: MassMessageList, ...errorResponses },
      },
    },
    async (req) => listMassMessages(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/v1/mass-messages',
    {
      schema: {
        tags,
        summary:
          'Submit a mass message to the customers a filter reaches (mass_message.send; 422 content_blocked when a blocking sensitive rule hits; audited)',
        body: CreateMassMessageBody,
        response: { 201: MassMessageDetail, ...refusals },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createMassMessage(ctx, actor, req.body);
      return reply.status(201).send(await getMassMessage(ctx, actor, id));
    },
  );

  app.get(
    '/api/v1/mass-messages/:id',
    {
      schema: {
        tags,
        summary: 'One mass message with each recipient’s status (pending, awaiting_confirm, sent, read, failed)',
        params: IdParams,
        response: { 200: MassMessageDetail, ...errorResponses },
      },
    },
    async (req) => getMassMessage(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/v1/mass-messages/:id',
    {
      schema: {
        tags,
        summary: 'Edit your draft (the whole content, as at creation); 409 once it is submitted',
        params: IdParams,
        body: DraftBody,
        response: { 200: MassMessageDetail, ...refusals },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateDraft(ctx, actor, req.params.id, req.body);
      return getMassMessage(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/mass-messages/:id/submit',
    {
      schema: {
        tags,
        summary:
          'Submit your draft: the same checks and recipients as submitting at once (422 content_blocked, 400 no_recipients)',
        params: IdParams,
        response: { 200: MassMessageDetail, ...refusals },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await submitDraft(ctx, actor, req.params.id);
      return getMassMessage(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/mass-messages/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a mass message waiting for approval; it is sent at its scheduled time (audited)',
        params: IdParams,
        response: { 200: MassMessageDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await decideMassMessage(ctx, actor, req.params.id, { approve: true });
      return getMassMessage(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/mass-messages/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a mass message waiting for approval, with the reason the author reads (audited)',
        params: IdParams,
        body: RejectBody,
        response: { 200: MassMessageDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await decideMassMessage(ctx, actor, req.params.id, { approve: false, reason: req.body.reason });
      return getMassMessage(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/mass-messages/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm your part: your customers waiting for you are sent the message now',
        params: IdParams,
        response: { 200: MassMessageDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await confirmPart(ctx, actor, req.params.id);
      return getMassMessage(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/mass-messages/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a mass message that has not fully gone out; what was sent stays sent (audited)',
        params: IdParams,
        response: { 200: MassMessageDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await cancelMassMessage(ctx, actor, req.params.id);
      return getMassMessage(ctx, actor, req.params.id);
    },
  );
}
