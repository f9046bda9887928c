export declare const SERVER_HEAP_MB: number;
export declare function serveArgs(root: string, args: string[]): string[];
