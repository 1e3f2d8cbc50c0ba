/** A customer's stage as a coloured tag: blue while open, green when won, grey when lost. */
import { Tag } from 'antd';

const COLORS: Record<string, string> = { open: 'blue', won: 'green', lost: 'default' };

export function StageTag({ stage }: { stage: { name: string; kind: string } | null }) {
  if (!stage) return null;
  return <Tag color={COLORS[stage.kind] ?? 'default'}>{stage.name}</Tag>;
}
