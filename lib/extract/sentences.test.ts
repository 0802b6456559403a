import { describe, expect, it } from 'vitest';
import { layoutBlocks } from './article';
import { segmentSentences } from './sentences';

function split(...paragraphs: string[]): string[] {
  const { text, blocks } = layoutBlocks(paragraphs.map((t) => ({ kind: 'body', text: t })));
  return segmentSentences(text, blocks).map((s) => text.slice(s.start, s.end));
}

describe('segmentSentences', () => {
  it('splits on sentence ends and at every paragraph break', () => {
    expect(split('One two. Three four? Five!', 'Six seven')).toEqual(['One two.', 'Three four?', 'Five!', 'Six seven']);
  });

  it('keeps closing quotation marks with their sentence', () => {
    expect(split('"It is over," Kabulov said. "We saw it coming."')).toEqual(['"It is over," Kabulov said.', '"We saw it coming."']);
  });

  it('does not split inside an ellipsis followed by lower case', () => {
    expect(split('The friendliest ... approach to Russia. They confirmed.')).toEqual(['The friendliest ... approach to Russia.', 'They confirmed.']);
  });

  it('does not split after titles, initials and dotted acronyms', () => {
    expect(split('Mr. Smith met Dr. Jones in the U.S. capital. J. R. Tolkien wrote.')).toEqual(['Mr. Smith met Dr. Jones in the U.S. capital.', 'J. R. Tolkien wrote.']);
  });

  it('splits after an acronym when a sentence clearly starts', () => {
    expect(split('He flew to the U.S. The talks began.')).toEqual(['He flew to the U.S.', 'The talks began.']);
  });
});
