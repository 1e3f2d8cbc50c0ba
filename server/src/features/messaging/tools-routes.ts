/**
 * HTTP adapter for the work-group tools: anti-harassment rules, announcement confirmations,
 * to-dos made from messages and messages marked for later. Members of the conversation only.
 */
import type { FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Ok } from '../../http/schema-helpers.js';
import { getAnnouncement } from './announcement-reads.js';
import { listBookmarks } from './bookmark-reads.js';
import { bookmarkMessage, unbookmarkMessage } from './commands/bookmark-message.js';
import { confirmAnnouncement } from './commands/confirm-announcement.js';
import { createTodos } from './commands/create-todos.js';
import { setHarassmentRules } from './commands/set-harassment-rules.js';
import { setTodoStatus } from './commands/set-todo-status.js';
import { getHarassmentRules } from './harassment-reads.js';
import { listTodos } from './todo-reads.js';
import {
  AnnouncementOut,
  BookmarkPage,
  CreateTodoBody,
  HarassmentRulesBody,
  HarassmentRulesOut,
  ListBookmarksQuery,
  ListTodosQuery,
  Todo,
  TodoList,
  TodoPage,
} from './tools-schemas.js';

const tags = ['conversations'];
const todoTags = ['todos'];
const bookmarkTags = ['bookmarks'];

export const toolsRoutes: FeatureRoutes = async (app, ctx) => {
  app.get(
    '/api/v1/conversations/:id/harassment-rules',
    {
      schema: {
        tags,
        summary: 'The group’s anti-harassment rules (members)',
        params: IdParams,
        response: { 200: HarassmentRulesOut, ...errorResponses },
      },
    },
    async (req) => getHarassmentRules(ctx, actorOf(req), req.params.id),
  );

  app.put(
    '/api/v1/conversations/:id/harassment-rules',
    {
      schema: {
        tags,
        summary: 'Set the group’s anti-harassment rules: links, keywords, flooding, and the action (owner/admins)',
        params: IdParams,
        body: HarassmentRulesBody,
        response: { 200: HarassmentRulesOut, ...errorResponses },
      },
    },
    async (req) => setHarassmentRules(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/conversations/:id/announcement',
    {
      schema: {
        tags,
        summary: 'The group announcement with who confirmed reading it and who has not yet (members)',
        params: IdParams,
        response: { 200: AnnouncementOut, ...errorResponses },
      },
    },
    async (req) => getAnnouncement(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/v1/conversations/:id/announcement/confirm',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'Confirm you have read the current announcement (members; again changes nothing)',
        params: IdParams,
        response: { 200: AnnouncementOut, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await confirmAnnouncement(ctx, actor, req.params.id);
      return getAnnouncement(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/messages/:id/todo',
    {
      schema: {
        tags: todoTags,
        summary: 'Turn a message into a to-do for chosen members of its conversation, with an optional due date',
        params: IdParams,
        body: CreateTodoBody,
        response: { 200: TodoList, ...errorResponses },
      },
    },
    async (req) => ({ items: await createTodos(ctx, actorOf(req), req.params.id, req.body) }),
  );

  app.get(
    '/api/v1/todos',
    {
      schema: {
        tags: todoTags,
        summary: 'Your to-dos (assigned to you, or made by you), newest first',
        querystring: ListTodosQuery,
        response: { 200: TodoPage, ...errorResponses },
      },
    },
    async (req) => listTodos(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/v1/todos/:id/done',
    {
      schema: {
        tags: todoTags,
        summary: 'Mark a to-do done (its assignee or creator)',
        params: IdParams,
        response: { 200: Todo, ...errorResponses },
      },
    },
    async (req) => setTodoStatus(ctx, actorOf(req), req.params.id, true),
  );

  app.post(
    '/api/v1/todos/:id/undone',
    {
      schema: {
        tags: todoTags,
        summary: 'Open a done to-do again (its assignee or creator)',
        params: IdParams,
        response: { 200: Todo, ...errorResponses },
      },
    },
    async (req) => setTodoStatus(ctx, actorOf(req), req.params.id, false),
  );

  app.post(
    '/api/v1/messages/:id/bookmark',
    {
      schema: {
        tags: bookmarkTags,
        summary: 'Mark a message for later (members of its conversation; only you see it)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await bookmarkMessage(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/v1/messages/:id/bookmark',
    {
      schema: {
        tags: bookmarkTags,
        summary: 'Take the mark off a message',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await unbookmarkMessage(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/bookmarks',
    {
      schema: {
        tags: bookmarkTags,
        summary: 'Your messages marked for later, newest mark first, with previews',
        querystring: ListBookmarksQuery,
        response: { 200: BookmarkPage, ...errorResponses },
      },
    },
    async (req) => listBookmarks(ctx, actorOf(req), req.query),
  );
};
