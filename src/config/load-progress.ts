/**
 * How far a configuration load has got, told as it goes, so that the CLI can
 * show progress on a large estate. The loaders call it and never print.
 */
export interface LoadProgress {
  /** `count` more files are about to be read and checked. */
  readonly filesFound: (count: number) => void;
  /** One more file was read and checked. */
  readonly fileRead: () => void;
}
