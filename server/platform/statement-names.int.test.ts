/**
 * Named statements (decision 018): on PostgreSQL each parameterised data statement is prepared once per
 * connection under a name made from its text; the answers are the same as unnamed ones.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centres } from '../db/schema.js';
import { loadDemo } from '../demo/load-demo.js';
import { freshDatabase, testEngine } from '../test-support/database.js';
import { rowsOf, statementNameOf, type Database } from './database.js';

let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
  await loadDemo(database.db);
});
afterAll(async () => {
  await database.close();
});

describe('statement names', () => {
  it('are the same for the same text, and differ for another', () => {
    const text = 'select id from centres where id = $1';
    const name = statementNameOf(text, true);
    expect(name).toMatch(/^ng_[A-Za-z0-9_-]{27}$/);
    expect(statementNameOf(text, true)).toBe(name);
    expect(statementNameOf('select id from centres where name = $1', true)).not.toBe(name);
  });

  it('are not given to statements without parameters or that change the schema', () => {
    expect(statementNameOf('select 1 where true', false)).toBeUndefined();
    expect(statementNameOf('alter table centres add column x int', true)).toBeUndefined();
    expect(statementNameOf('create index on centres (name)', true)).toBeUndefined();
  });

  it.runIf(testEngine() === 'postgres')(
    'prepare a query once on its connection and answer it the same every time',
    async () => {
      const [first] = await database.db.select({ id: centres.id, name: centres.name }).from(centres).limit(1);
      const query = database.db.select({ name: centres.name }).from(centres).where(eq(centres.id, first!.id));
      const answers = await database.db.transaction(async (tx) => {
        const found = [];
        for (let i = 0; i < 7; i++)
          found.push(await tx.select({ name: centres.name }).from(centres).where(eq(centres.id, first!.id)));
        const prepared = rowsOf<{ name: string; statement: string }>(
          await tx.execute(sql`select name, statement from pg_prepared_statements`),
        );
        return { found, prepared };
      });
      for (const rows of answers.found) expect(rows).toEqual([{ name: first!.name }]);
      const ours = answers.prepared.filter((statement) => statement.statement === query.toSQL().sql);
      expect(ours).toEqual([
        { name: statementNameOf(query.toSQL().sql, true), statement: query.toSQL().sql },
      ]);
    },
  );
});
