/** A text with its hits highlighted, as the test box and the alert inbox show it. */
import { highlightSegments } from './words';

export function HitText({
  text,
  hits,
  testId,
}: {
  text: string;
  hits: readonly { start: number; end: number }[];
  testId?: string;
}) {
  return (
    <span data-testid={testId} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {highlightSegments(text, hits).map((segment, i) =>
        segment.hit ? (
          <mark key={i} style={{ background: '#ffe58f', padding: 0, borderRadius: 2 }}>
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </span>
  );
}
