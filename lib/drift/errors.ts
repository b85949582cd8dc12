/** A line of an ignore file that cannot be read; names the file and line, never a value. */
export class IgnoreSyntaxError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IgnoreSyntaxError';
  }
}
