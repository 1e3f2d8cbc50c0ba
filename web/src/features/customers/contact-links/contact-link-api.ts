/** Contact-me links and a customer's chats: types from the API, reads and writes. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { paths } from '../../../lib/api/schema.gen';

export type ContactLink =
  paths['/api/v1/contact-links']['get']['responses'][200]['content']['application/json']['items'][number];
export type ContactLinkBody = paths['/api/v1/contact-links']['post']['requestBody']['content']['application/json'];
export type CustomerChat =
  paths['/api/v1/customers/{id}/conversations']['get']['responses'][200]['content']['application/json']['items'][number];

/** Under the customer keys, so a customer change (a new join) refreshes these too. */
export const contactKeys = {
  links: ['customers', 'contact-links'] as const,
  chats: (customerId: string) => ['customers', 'chats', customerId] as const,
};

/** The address visitors open: the console's origin and `/contact/{code}`. */
export const contactUrl = (code: string): string => `${globalThis.location?.origin ?? ''}/contact/${code}`;

export function useContactLinks() {
  return useQuery({
    queryKey: contactKeys.links,
    queryFn: async () => (await unwrap(api.GET('/api/v1/contact-links'))).items,
  });
}

export const createContactLink = (body: ContactLinkBody) => unwrap(api.POST('/api/v1/contact-links', { body }));

export const updateContactLink = (id: string, body: Partial<ContactLinkBody>) =>
  unwrap(api.PATCH('/api/v1/contact-links/{id}', { params: { path: { id } }, body }));

export const deleteContactLink = (id: string) =>
  unwrap(api.DELETE('/api/v1/contact-links/{id}', { params: { path: { id } } }));

export function useCustomerChats(customerId: string) {
  return useQuery({
    queryKey: contactKeys.chats(customerId),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/customers/{id}/conversations', { params: { path: { id: customerId } } }))).items,
  });
}
