/** Why a file could not be read as a report: said to the user in one line, never a crash. */
export class InputError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InputError';
  }
}
