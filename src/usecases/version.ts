/** The tool's version, shown by `--version` and recorded in saved plans. */
export const VERSION = '0.1.0';
