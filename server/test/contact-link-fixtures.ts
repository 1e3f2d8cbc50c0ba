/** Helpers for contact-me link tests: make a link, and join through it as a visitor by email code. */
import { expect } from 'vitest';
import { caller, type Headers } from './customer-fixtures.js';
import type { TestServer } from './harness.js';
import type { SmtpSink } from './smtp-sink.js';

export type LinkJson = {
  id: string;
  name: string;
  code: string;
  owner: { id: string; name: string };
  tags: { id: string; name: string }[];
  stage: { id: string; name: string } | null;
  welcomeMessage: string | null;
  joins: number;
};

export async function makeLink(server: TestServer, headers: Headers, body: object): Promise<LinkJson> {
  const res = await caller(server)(headers, 'POST', '/api/v1/contact-links', body);
  if (res.statusCode !== 201) throw new Error(`create contact link: ${res.statusCode} ${res.body}`);
  return res.json() as LinkJson;
}

export type Visitor = {
  token: string;
  conversationId: string;
  participant: { id: string; name: string; email: string };
  headers: Headers;
};

/** Asks for a code, joins with it, and moves the clock past the resend wait for the next code. */
export async function visitThroughLink(
  server: TestServer,
  smtp: SmtpSink,
  code: string,
  email: string,
  displayName: string,
  extra: object = {},
): Promise<Visitor> {
  const sent = await server.app.inject({
    method: 'POST',
    url: `/api/v1/contact/${code}/email-code`,
    payload: { email },
  });
  expect(sent.statusCode).toBe(202);
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/v1/contact/${code}/join`,
    payload: { email, code: smtp.lastCodeFor(email.toLowerCase()), displayName, ...extra },
  });
  if (res.statusCode !== 200) throw new Error(`join through link: ${res.statusCode} ${res.body}`);
  await server.ctx.bus.drain();
  server.clock.advance(61_000);
  const body = res.json() as Omit<Visitor, 'headers'>;
  return { ...body, headers: { authorization: `Bearer ${body.token}` } };
}
