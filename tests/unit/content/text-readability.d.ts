/** Minimal types for the parts of `text-readability` (an untyped ES module) the content tests use. */
declare module 'text-readability' {
  interface Readability {
    fleschReadingEase(text: string): number;
    fleschKincaidGrade(text: string): number;
    sentenceCount(text: string): number;
    lexiconCount(text: string, removePunctuation?: boolean): number;
  }
  const readability: Readability;
  export default readability;
}
