/** asl-validator ships no types: its one export, as its README documents it. */
declare module 'asl-validator' {
  interface AslValidatorError {
    readonly Error?: string;
    readonly Check?: string;
    readonly 'Error code'?: string;
    readonly [field: string]: unknown;
  }
  /** Validates an Amazon States Language definition; the definition is not left as it was. */
  export default function aslValidator(
    definition: unknown,
    options?: { readonly checkPaths?: boolean; readonly checkArn?: boolean },
  ): { isValid: boolean; errors: AslValidatorError[]; errorsText: (separator?: string) => string };
}
