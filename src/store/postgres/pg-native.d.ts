// The part of pg-native (libpq bindings from node-postgres) the PostgreSQL store uses; it ships no types.
declare module 'pg-native' {
  interface TypeParsers {
    getTypeParser(oid: number, format?: string): (value: string) => unknown;
  }
  interface PQ {
    cmdTuples(): string;
    resultErrorFields(): Record<string, string> | undefined;
  }
  class Client {
    constructor(config?: { types?: TypeParsers; arrayMode?: boolean });
    readonly pq: PQ;
    connectSync(conninfo?: string): void;
    querySync(text: string, values?: (string | null)[]): Record<string, unknown>[];
    prepareSync(name: string, text: string, nParams: number): void;
    executeSync(name: string, values: (string | null)[]): Record<string, unknown>[];
    escapeIdentifier(value: string): string;
    escapeLiteral(value: string): string;
    end(cb?: () => void): void;
  }
  export = Client;
}
