/** A post's image thumbnail, loaded with the session (the image route needs the bearer header). */
import { Image } from 'antd';
import { usePostImageUrl } from './api';

export function PostImage({ id, size = 96 }: { id: string; size?: number }) {
  const url = usePostImageUrl(id);
  if (!url) return <div style={{ width: size, height: size, background: '#f0f0f0', borderRadius: 6 }} />;
  return <Image src={url} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 6 }} alt="" />;
}
