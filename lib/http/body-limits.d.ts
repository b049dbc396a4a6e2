export declare const BODY_LIMIT: number;
export declare const AUTH_BODY_LIMIT: number;
