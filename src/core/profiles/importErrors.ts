/** What an importer reports when a file cannot become profiles. */
export class ProfileImportError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ProfileImportError';
  }
}
