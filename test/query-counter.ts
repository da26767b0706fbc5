import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Db } from '../src/db/database.ts';

export interface QueryCounter {
  /** The same database (same pool or PGlite instance), every statement executed through it counted. */
  db: Db;
  /** Statements executed since the start or the last reset(). */
  count(): number;
  reset(): void;
  /** Their SQL, in order (for a failing assertion's message or a table of the slowest pages). */
  statements(): string[];
}

/**
 * Counts the statements a piece of code sends to the database (issue 6: "no request's query count
 * grows with the data"). A Kysely plugin sees every query built through the returned Db — query
 * builders and `sql` templates alike, and inside transactions, since `transaction()` keeps the
 * plugins — and counts it when its result comes back, so compiled-but-unexecuted queries do not
 * count. BEGIN/COMMIT are the driver's and are not counted; a streamed query counts once per chunk.
 */
export function countQueries(db: Db): QueryCounter {
  const base = db.kysely;
  const pending = new WeakMap<object, RootOperationNode>();
  let executed: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      pending.set(queryId, node);
      return node;
    },
    async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const node = pending.get(queryId);
      executed.push(node ? base.getExecutor().compileQuery(node, queryId).sql : '(unknown statement)');
      return result;
    },
  };
  return {
    db: { ...db, kysely: base.withPlugin(plugin) },
    count: () => executed.length,
    reset: () => {
      executed = [];
    },
    statements: () => [...executed],
  };
}
