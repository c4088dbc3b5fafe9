// markdownlint-cli2 ships JavaScript with JSDoc only: the part the report tests call.
declare module 'markdownlint-cli2' {
  export function main(params: {
    directory?: string;
    argv?: string[];
    nonFileContents?: Record<string, string>;
    fileContents?: Record<string, string>;
    noGlobs?: boolean;
    logMessage?: (message: string) => void;
    logError?: (message: string) => void;
  }): Promise<number>;
}
