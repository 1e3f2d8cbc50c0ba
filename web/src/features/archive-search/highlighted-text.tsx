/** Text with the server's highlight spans marked (<mark>), keeping line breaks. */
import { highlightParts } from './search-query';

export function HighlightedText({ text, spans }: { text: string; spans: readonly { start: number; end: number }[] }) {
  let offset = 0;
  return (
    <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {highlightParts(text, spans).map((part) => {
        const key = offset;
        offset += part.text.length;
        return part.hit ? (
          <mark key={key} data-testid="archive-highlight" style={{ background: '#ffe58f', padding: 0 }}>
            {part.text}
          </mark>
        ) : (
          <span key={key}>{part.text}</span>
        );
      })}
    </span>
  );
}
