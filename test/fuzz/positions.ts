// Positions by class, from jsonc-parser's scanner (the tokenizer both parsers use).
import { SyntaxKind, createScanner } from 'jsonc-parser';
import type { Rng } from './rng';

export const POSITION_CLASSES = [
  'inside-string',
  'inside-key',
  'inside-number',
  'inside-literal',
  'inside-comment',
  'between-tokens',
  'after-comma',
  'after-colon',
  'after-open',
  'before-close',
  'start',
  'end',
  'anywhere',
] as const;
export type PositionClass = (typeof POSITION_CLASSES)[number];

/** Up to `perClass` offsets of each class (reservoir-sampled, one pass, any text size). */
export function samplePositions(text: string, rng: Rng, perClass = 6): Map<PositionClass, number[]> {
  const out = new Map<PositionClass, number[]>();
  const seen = new Map<PositionClass, number>();
  const offer = (c: PositionClass, offset: number) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    let list = out.get(c);
    if (!list) out.set(c, (list = []));
    if (list.length < perClass) list.push(offset);
    else {
      const j = rng.int(n);
      if (j < perClass) list[j] = offset;
    }
  };
  const inside = (offset: number, length: number) => offset + 1 + rng.int(Math.max(1, length - 1));
  const scanner = createScanner(text, false);
  let pendingString: { offset: number; length: number } | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    const trivia = kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia;
    if (pendingString && !trivia) {
      if (pendingString.length >= 2) offer(kind === SyntaxKind.ColonToken ? 'inside-key' : 'inside-string', inside(pendingString.offset, pendingString.length - 1));
      pendingString = undefined;
    }
    switch (kind) {
      case SyntaxKind.StringLiteral:
        pendingString = { offset, length };
        break;
      case SyntaxKind.NumericLiteral:
        if (length >= 2) offer('inside-number', inside(offset, length - 1));
        break;
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword:
        offer('inside-literal', inside(offset, length - 1));
        break;
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        if (length >= 2) offer('inside-comment', inside(offset, length - 1));
        break;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        offer('between-tokens', offset + rng.int(length + 1));
        break;
      case SyntaxKind.CommaToken:
        offer('after-comma', offset + 1);
        break;
      case SyntaxKind.ColonToken:
        offer('after-colon', offset + 1);
        break;
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        offer('after-open', offset + 1);
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        offer('before-close', offset);
        break;
    }
    if (!trivia) offer('between-tokens', offset);
  }
  if (pendingString && pendingString.length >= 2) offer('inside-string', inside(pendingString.offset, pendingString.length - 1));
  offer('start', 0);
  offer('end', text.length);
  for (let i = 0; i < perClass; i++) offer('anywhere', rng.int(text.length + 1));
  return out;
}
