/** Helpers for tests of posts to customers: a post with one image, written through the API. */
import type { Headers } from './customer-fixtures.js';
import type { TestServer } from './harness.js';
import { multipartFile, TINY_PNG } from './multipart.js';

/** Uploads an image and posts it with this text to the author's own customers; returns both ids. */
export async function postWithImage(
  server: TestServer,
  author: Headers,
  text: string,
): Promise<{ postId: string; imageId: string }> {
  const upload = multipartFile(TINY_PNG, 'post.png', 'image/png');
  const image = await server.app.inject({
    method: 'POST',
    url: '/api/v1/customer-posts/images',
    headers: { ...author, ...upload.headers },
    payload: upload.payload,
  });
  if (image.statusCode !== 200) throw new Error(`upload post image: ${image.statusCode} ${image.body}`);
  const imageId = (image.json() as { id: string }).id;
  const post = await server.app.inject({
    method: 'POST',
    url: '/api/v1/customer-posts',
    headers: author,
    payload: { kind: 'member', text, imageIds: [imageId] },
  });
  if (post.statusCode !== 201) throw new Error(`create post: ${post.statusCode} ${post.body}`);
  return { postId: (post.json() as { id: string }).id, imageId };
}
