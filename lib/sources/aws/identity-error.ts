/** The account behind a set of credentials could not be determined. */
export class AwsIdentityError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AwsIdentityError';
  }
}
