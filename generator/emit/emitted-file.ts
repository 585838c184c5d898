/** A generated file: path relative to its package folder (`/`-separated) and content. */
export interface EmittedFile {
  path: string;
  content: string;
}
