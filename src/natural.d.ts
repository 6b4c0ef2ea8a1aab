// natural is imported by deep path (its top-level import loads .env files and ESM-only modules); these are the parts used.
declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer.js' {
  export default class AggressiveTokenizer {
    tokenize(text: string): string[];
  }
}
