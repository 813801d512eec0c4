/** A deck that cannot be loaded; the message names the file, the slide (1-based) and what is wrong. */
export class DeckError extends Error {
  readonly file: string;
  /** What is wrong, without the file's path: safe to show to anyone. */
  readonly problem: string;
  readonly slide?: number;
  readonly line?: number;

  constructor(file: string, problem: string, where: { slide?: number; line?: number; cause?: unknown } = {}) {
    // "file:line: slide n: problem" so editors and terminals can jump to the spot.
    const at = where.line ? `${file}:${where.line}` : file;
    const slide = where.slide ? ` slide ${where.slide}:` : '';
    super(`${at}:${slide} ${problem}`, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'DeckError';
    this.file = file;
    this.problem = `${where.slide ? `slide ${where.slide}: ` : ''}${problem}`;
    if (where.slide !== undefined) this.slide = where.slide;
    if (where.line !== undefined) this.line = where.line;
  }
}

/** A problem inside one slide (a bad poll block); the loader adds the file and slide number. */
export class SlideError extends Error {
  /** 0-based line within the slide's source, when known. */
  readonly line?: number;

  constructor(problem: string, line?: number) {
    super(problem);
    this.name = 'SlideError';
    if (line !== undefined) this.line = line;
  }
}
