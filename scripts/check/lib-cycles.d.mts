export function libFiles(dir: string): string[];
export function libFolderEdgesOnCycles(lib: string): string[];
